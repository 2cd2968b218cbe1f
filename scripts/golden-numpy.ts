/**
 * Runs the NumPy script the tensor lab hands to students in a real NumPy, for many settings, and records what
 * it prints (mask and output), for src/ui/tensor/pythonSnippets.numpy.test.ts. That test checks, without
 * Python, that the engine shows exactly what this script printed, and that the lab still writes the very script
 * that was run: change the snippet and this must be run again.
 *
 * Usage: tsx scripts/golden-numpy.ts [python]   (default python3; needs numpy) > src/ui/tensor/pythonSnippets.numpy.json
 */
import { spawnSync } from 'node:child_process';
import { runDropoutLab, type DropoutLabSettings } from '../src/engine';
import { partsEn } from '../src/i18n/parts.en';
import { numpySnippet, type SnippetInput } from '../src/ui/tensor/pythonSnippets';

const python = process.argv[2] ?? 'python3';

export function snippetInputFor(settings: DropoutLabSettings): SnippetInput {
  const { shown } = runDropoutLab(settings);
  return { ...settings, pass: shown.pass, drawsBefore: shown.drawsBefore };
}

function cases(): DropoutLabSettings[] {
  const article = { seed: 889, p: 0.7, input: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], training: true, inplace: false, passes: 1 };
  const signed = [-1.5, 2.25, -0.0, 0.0, 3.75, -8, 0.1, -0.30000001192092896, 12345.678, -1e-5];
  const list: DropoutLabSettings[] = [
    article,
    { ...article, passes: 2 },
    { ...article, passes: 37 },
    { ...article, inplace: true, passes: 5 },
    { ...article, training: false },
    { ...article, p: 0 },
    { ...article, p: 1 },
    { ...article, p: 1, input: signed },
    { ...article, input: signed, p: 0.5, seed: 0 },
    { ...article, input: signed, p: 0.04, seed: 7, passes: 3 },
    { ...article, input: signed, p: 0.42, seed: 2 ** 32 - 1, passes: 11 },
  ];
  // Seeded spread of settings: p from 0.01 to 0.99 (including the values where a naive scale is off by an ulp).
  let state = 20261126;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < 40; i++) {
    const n = 1 + Math.floor(next() * 30);
    list.push({
      seed: Math.floor(next() * 2 ** 32),
      p: Math.round(next() * 99 + 1) / 100,
      input: Array.from({ length: n }, () => Math.round((next() * 20 - 10) * 1000) / 1000),
      training: next() > 0.1,
      inplace: next() > 0.5,
      passes: 1 + Math.floor(next() * 60),
    });
  }
  return list;
}

const probe = [
  'import json as _json, numpy as _np',
  "print('@@' + _json.dumps({'keep': keep.astype(int).tolist(), 'y': [repr(float(v)) for v in y]}))",
].join('\n');

const out = [];
let numpyVersion = '';
for (const settings of cases()) {
  const snippet = numpySnippet(snippetInputFor(settings), partsEn.tensor.snippet);
  const run = spawnSync(python, ['-c', `${snippet}\n${probe}\nprint('@@v' + _np.__version__)`], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python failed for ${JSON.stringify(settings)}:\n${run.stderr}`);
  const lines = run.stdout.split('\n');
  const result = JSON.parse(lines.find((line) => line.startsWith('@@{'))!.slice(2)) as { keep: number[]; y: string[] };
  numpyVersion = lines.find((line) => line.startsWith('@@v'))!.slice(3);
  out.push({ settings, snippet, keep: result.keep, y: result.y });
}
// JSON has no -0: write it as the string "-0.0" (the test reads it back).
const keepNegativeZero = (_key: string, value: unknown) => (Object.is(value, -0) ? '-0.0' : value);
const body = out.map((entry) => '  ' + JSON.stringify(entry, keepNegativeZero)).join(',\n');
console.log(`{"numpy": ${JSON.stringify(numpyVersion)}, "cases": [\n${body}\n]}`);
