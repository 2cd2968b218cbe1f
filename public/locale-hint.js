/*
 * Starts the download of the page's language (a chunk of its own, see src/i18n/index.ts) at once, in parallel
 * with the main script, instead of after it: main.tsx waits for those strings before the first render, so
 * without this hint they would come one round trip late. Loaded with `async` from index.html, where the build
 * (vite.config.ts) writes each language's chunk into data-locales (and its later parts' strings into
 * data-parts). It decides like src/state/urlSync.ts: the URL's `locale`, else the browser's languages. A wrong
 * guess only costs a wasted download; main.tsx decides.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.dataset.locales) return;
  var chunks;
  try {
    chunks = JSON.parse(script.dataset.locales);
  } catch (error) {
    return;
  }
  var asked = new URLSearchParams(location.search).getAll('locale');
  var locale = asked.length === 1 && Object.prototype.hasOwnProperty.call(chunks, asked[0]) ? asked[0] : null;
  if (!locale) {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < languages.length && !locale; i++) {
      var tag = String(languages[i]).toLowerCase();
      if (tag.indexOf('zh') === 0) locale = 'zh-CN';
      else if (tag.indexOf('en') === 0) locale = 'en';
    }
  }
  var preload = function (href) {
    if (!href) return;
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  };
  preload(chunks[locale || 'en']);
  // A Lab link (view=lab, not an embed) opens on the tensor lab, whose first render also waits for the later
  // parts' strings (src/i18n/parts.en.ts), and shows the settings, the sweep and the explainer soon after: fetch
  // them now too. The lesson's first step does not use them, so a link to it leaves them for later.
  var parts = {};
  try {
    parts = JSON.parse(script.dataset.parts || '{}');
  } catch (error) {
    return;
  }
  var query = new URLSearchParams(location.search);
  var lab = query.getAll('view').join() === 'lab';
  if (lab && query.get('embed') !== '1') preload(parts[locale || 'en']);
  // A lesson link to a step after the first: that step's text is among the later parts' strings too.
  var step = query.getAll('step');
  if (!lab && step.length === 1 && step[0] !== '1') preload(parts[locale || 'en']);
})();
