/**
 * The README's table of URL parameters, built from the settings registry (src/state/urlSchema.ts): names, order,
 * defaults and accepted values come from the registry; only the one-line meanings are written here, and the type
 * makes a new setting without one fail to compile. `npx tsx scripts/url-table.ts --write` rewrites the table in
 * README.md; scripts/url-table.test.ts fails while the README's copy differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Spec } from '../src/state/settingSpecs';
import { URL_KEYS, URL_SCHEMA, type UrlSettings } from '../src/state/urlSchema';

/** What a setting means, and how to say its default when the registry's is "not said" or too long to list. */
interface Doc {
  meaning: string;
  defaultText?: string;
  /** The accepted values in words, from the registry's own `expected` text. */
  acceptedText?: string | ((expected: string) => string);
}

const code = (text: string) => `\`${text}\``;
const anyOf = (expected: string) => `any of ${code(expected)}`;

const DOCS: Record<keyof UrlSettings, Doc> = {
  view: { meaning: 'screen (`train` and `eval`, its old values, open the Lab)', defaultText: 'the Lesson, or the Lab for a link with Lab settings' },
  step: { meaning: 'the lesson’s step' },
  p: { meaning: 'dropout probability of the dropout twin’s hidden layers' },
  seed: { meaning: 'data, initial weights and masks', acceptedText: '0 … 2³²−1' },
  data: { meaning: 'data set' },
  n: { meaning: 'training points' },
  noise: { meaning: 'noise standard deviation' },
  layers: { meaning: 'hidden widths' },
  act: { meaning: 'activation' },
  lr: { meaning: 'learning rate' },
  opt: { meaning: 'optimiser' },
  batch: { meaning: 'mini-batch size (0 = full batch)' },
  gap: { meaning: 'leave a gap in the training inputs' },
  epochs: { meaning: 'the run’s epoch budget: training stops there, **Continue** trains as many again' },
  speed: { meaning: 'training clock' },
  netview: { meaning: 'network view: the training pass with its masks, or eval mode' },
  example: { meaning: 'network view: the example of the batch shown', acceptedText: '1 … 400 (past the batch: its last example)' },
  locale: { meaning: 'language', defaultText: 'the browser’s' },
  mode: { meaning: 'projector mode' },
  embed: { meaning: 'no page chrome' },
  panels: { meaning: 'Lab panels shown', defaultText: 'all', acceptedText: anyOf },
  parent: { meaning: 'origin of an embedding page allowed to send commands', defaultText: 'none', acceptedText: (expected) => `an origin, e.g. ${code(expected)}` },
  motion: { meaning: 'animation', defaultText: 'the system setting' },
  tp: { meaning: 'tensor lab: `nn.Dropout` drop probability' },
  tseed: { meaning: 'tensor lab: NumPy `RandomState` seed of its masks', acceptedText: '0 … 2³²−1' },
  tx: { meaning: 'tensor lab: input vector x', defaultText: '`1,2,…,10`', acceptedText: (expected) => `${expected}, each finite in float32` },
  tmode: { meaning: 'tensor lab: module mode' },
  tinplace: { meaning: 'tensor lab: `inplace=True`' },
  tpass: { meaning: 'tensor lab: forward passes since the seed (the last one is shown, all are counted)' },
  mystery: { meaning: 'tensor lab: a “mystery p” challenge, as a code that does not show p', defaultText: 'none' },
  hide: { meaning: 'controls left out of the page', defaultText: 'none', acceptedText: anyOf },
  teacher: { meaning: 'the teacher layer open' },
};

const START = '<!-- url-table:start (scripts/url-table.ts writes this table) -->';
const END = '<!-- url-table:end -->';

export function urlTableMarkdown(): string {
  const rows = URL_KEYS.map((key) => {
    const spec = URL_SCHEMA[key] as unknown as Spec<unknown>;
    const doc = DOCS[key];
    // A choice's values in code style, as a link writes them; numbers as they are.
    const asWritten = (value: unknown) => (spec.options ? code(spec.format(value)) : spec.format(value));
    const defaultText = doc.defaultText ?? asWritten(spec.default);
    const accepted = typeof doc.acceptedText === 'function' ? doc.acceptedText(spec.expected)
      : doc.acceptedText ?? (spec.options ? spec.options.map(asWritten).join(', ') : spec.expected);
    return `| \`${key}\` | ${doc.meaning} | ${defaultText} | ${accepted} |`;
  });
  return [START, '| name | meaning | default | accepted |', '| --- | --- | --- | --- |', ...rows, END].join('\n');
}

/** The README with its table replaced by `table`; throws if the markers are missing. */
export function withUrlTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--write')) {
    const readme = readFileSync(README_PATH, 'utf8');
    const next = withUrlTable(readme, urlTableMarkdown());
    writeFileSync(README_PATH, next);
    console.log(next === readme ? 'README.md: the URL table was already current' : 'README.md: URL table rewritten');
  } else {
    console.log(urlTableMarkdown());
  }
}
