import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { URL_KEYS } from '../src/state/urlSchema';
import { README_PATH, urlTableMarkdown, withUrlTable } from './url-table';

describe("the README's URL table", () => {
  it('is the one the settings registry builds (run `npx tsx scripts/url-table.ts --write` after changing a setting)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(withUrlTable(readme, urlTableMarkdown())).toBe(readme);
  });

  it('has one row per setting, in the registry’s order, with the registry’s defaults and ranges', () => {
    const table = urlTableMarkdown();
    const names = [...table.matchAll(/^\| `([a-z]+)` \|/gm)].map((match) => match[1]);
    expect(names).toEqual(URL_KEYS);
    expect(table).toMatch(/^\| `epochs` \| .* \| 8000 \| 1 … 1000000 \|$/m);
    expect(table).toMatch(/^\| `data` \| .* \| `sine` \| `sine`, `moons` \|$/m);
  });

  it('finds a stale row: a README with an old default no longer matches', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const stale = readme.replace(/^(\| `p` \| [^|]+\| )0\.5( \|)/m, '$10.3$2');
    expect(stale).not.toBe(readme);
    expect(withUrlTable(stale, urlTableMarkdown())).not.toBe(stale);
  });
});
