/**
 * The nastiest query strings we know of, shared by the fuzz test (src/state/urlSchema.fuzz.test.ts) and the
 * browser test (e2e/nasty-urls.spec.ts). Each names the parameter a visible notice must mention. Test data only:
 * the app never imports this file.
 */
export interface NastyQuery {
  query: string;
  /** The parameter the notice must name (as shown: names longer than 60 characters are cut). */
  param: string;
}

const enc = encodeURIComponent;
const longName = 'x'.repeat(300);

export const NASTY_QUERIES: readonly NastyQuery[] = [
  // Numbers that are not numbers, or not finite.
  { query: '?p=NaN', param: 'p' },
  { query: '?p=Infinity', param: 'p' },
  { query: '?p=-Infinity', param: 'p' },
  { query: '?lr=1e309', param: 'lr' },
  { query: '?p=', param: 'p' },
  { query: '?p=%20%20', param: 'p' },
  { query: '?seed=0x10', param: 'seed' },
  { query: '?seed=1_000', param: 'seed' },
  { query: '?noise=%EF%BC%91', param: 'noise' },
  { query: `?seed=${'9'.repeat(190)}`, param: 'seed' },
  { query: `?seed=${'9'.repeat(5000)}`, param: 'seed' },
  // Out of range, negative sizes, wrong kinds.
  { query: '?p=1', param: 'p' },
  { query: '?p=0.96', param: 'p' },
  { query: '?p=-0.1', param: 'p' },
  { query: '?n=-30', param: 'n' },
  { query: '?n=0', param: 'n' },
  { query: '?n=1000000000', param: 'n' },
  { query: '?n=30.5', param: 'n' },
  { query: '?batch=-1', param: 'batch' },
  { query: '?lr=0', param: 'lr' },
  { query: '?lr=-10', param: 'lr' },
  { query: '?noise=1e21', param: 'noise' },
  { query: '?seed=4294967296', param: 'seed' },
  { query: '?seed=-1', param: 'seed' },
  // Layers: huge, empty, too many, malformed.
  { query: '?layers=10000', param: 'layers' },
  { query: '?layers=10000,10000,10000', param: 'layers' },
  { query: '?layers=64,64,64,64', param: 'layers' },
  { query: '?layers=0', param: 'layers' },
  { query: '?layers=-64', param: 'layers' },
  { query: '?layers=', param: 'layers' },
  { query: '?layers=,,', param: 'layers' },
  { query: '?layers=64;64', param: 'layers' },
  { query: '?layers=1e2', param: 'layers' },
  // Enumerations and lists.
  { query: '?act=sigmoid', param: 'act' },
  { query: '?opt=ADAM', param: 'opt' },
  { query: '?data=mnist', param: 'data' },
  { query: '?speed=ludicrous', param: 'speed' },
  { query: '?mode=presentation', param: 'mode' },
  { query: '?locale=fr', param: 'locale' },
  { query: '?locale=zh', param: 'locale' },
  { query: '?motion=none', param: 'motion' },
  { query: '?embed=maybe', param: 'embed' },
  { query: '?panels=', param: 'panels' },
  { query: '?panels=tensor,hacker', param: 'panels' },
  // Origins that must not be trusted.
  { query: `?embed=1&parent=${enc('javascript:alert(1)')}`, param: 'parent' },
  { query: `?parent=${enc('file:///etc/passwd')}`, param: 'parent' },
  { query: '?parent=nowhere', param: 'parent' },
  // Markup and script in values and names: must stay text.
  { query: `?p=${enc('<script>window.__pwned=1</script>')}`, param: 'p' },
  { query: `?act=${enc('"><img src=x id=injected onerror="window.__pwned=1">')}`, param: 'act' },
  { query: `?${enc('<img src=x id=injected onerror=window.__pwned=1>')}=1`, param: '<img src=x id=injected onerror=window.__pwned=1>' },
  { query: `?layers=${enc('<svg onload=window.__pwned=1 id=injected>')}`, param: 'layers' },
  { query: `?locale=${enc('en"><b id=injected>bold</b>')}`, param: 'locale' },
  // Percent-encoding garbage, unicode, control characters.
  { query: '?p=%', param: 'p' },
  { query: '?p=%zz', param: 'p' },
  { query: '?p=%E0%A4%A', param: 'p' },
  { query: '?p=%00', param: 'p' },
  { query: '?p=%C0%AF', param: 'p' },
  { query: `?p=${enc('丢弃概率')}`, param: 'p' },
  { query: `?act=${enc('😀')}`, param: 'act' },
  { query: `?act=${enc('\u202Erelu')}`, param: 'act' },
  // Unknown, repeated, prototype-ish and very long names or values.
  { query: '?dropout=0.5', param: 'dropout' },
  { query: '?P=0.5', param: 'P' },
  { query: '?__proto__=1', param: '__proto__' },
  { query: '?constructor=1', param: 'constructor' },
  { query: '?p=0.5&p=0.9', param: 'p' },
  { query: `?${longName}=1`, param: `${'x'.repeat(57)}…` },
  { query: `?act=${'a'.repeat(10_000)}`, param: 'act' },
  { query: '?&&&==&p=abc&=&', param: 'p' },
  // The tensor lab's settings: PyTorch's own p range, NumPy's seed range, float32 inputs, at most 64 of them.
  { query: '?tp=1.5', param: 'tp' },
  { query: '?tp=-0.1', param: 'tp' },
  { query: '?tp=NaN', param: 'tp' },
  { query: '?tseed=4294967296', param: 'tseed' },
  { query: '?tseed=88.9', param: 'tseed' },
  { query: '?tx=', param: 'tx' },
  { query: '?tx=1,two,3', param: 'tx' },
  { query: '?tx=1,,3', param: 'tx' },
  { query: `?tx=${enc('[1, 2, 3]')}`, param: 'tx' },
  { query: '?tx=1e39', param: 'tx' },
  { query: `?tx=${Array.from({ length: 65 }, (_, i) => i).join(',')}`, param: 'tx' },
  { query: `?tx=${'1,'.repeat(5000)}1`, param: 'tx' },
  { query: `?tx=${enc('<img src=x id=injected onerror=window.__pwned=1>')}`, param: 'tx' },
  { query: '?tmode=training', param: 'tmode' },
  { query: '?tinplace=yes', param: 'tinplace' },
  { query: '?example=0', param: 'example' },
  { query: '?example=401', param: 'example' },
  { query: '?example=2.5', param: 'example' },
  { query: '?tpass=0', param: 'tpass' },
  { query: '?tpass=2001', param: 'tpass' },
  { query: '?tpass=1.5', param: 'tpass' },
  { query: '?tpass=1e9', param: 'tpass' },
];
