/**
 * Finds code that could run or insert strings as code or markup: eval, the Function constructor, string timers,
 * raw HTML insertion. The CSP already blocks eval at run time; this catches it at build time, with a file and line,
 * before a student meets a blank panel. Used by scripts/unsafe-code.test.ts (over src/) and check-bundle.ts (dist/).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface UnsafeRule {
  name: string;
  pattern: RegExp;
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  excerpt: string;
}

/** Rules that hold for the shipped bundle too (React and d3 must not need them either). */
export const BUNDLE_RULES: readonly UnsafeRule[] = [
  // `eval()` with no argument is PyTorch's model.eval() quoted in the explanations, not a call that runs code.
  { name: 'eval', pattern: /(?<![\w$.])eval\s*\((?!\s*\))/ },
  { name: 'Function constructor', pattern: /(?<![\w$.])(new\s+)?Function\s*\(/ },
];

/** Our own source is held to more: it never builds markup from strings at all (React and d3 joins do that). */
export const SOURCE_RULES: readonly UnsafeRule[] = [
  ...BUNDLE_RULES,
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { name: 'innerHTML/outerHTML assignment', pattern: /\.(inner|outer)HTML\s*\+?=(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/ },
  { name: 'document.write', pattern: /document\.write(ln)?\s*\(/ },
  { name: 'createContextualFragment', pattern: /createContextualFragment/ },
  { name: 'd3 .html()', pattern: /\.html\s*\(/ },
  { name: 'string timer', pattern: /set(Timeout|Interval)\s*\(\s*['"`]/ },
];

export function scanText(file: string, text: string, rules: readonly UnsafeRule[]): Finding[] {
  const findings: Finding[] = [];
  // Minified bundles are one long line: report a column-sized excerpt, not the line.
  for (const rule of rules) {
    const global = new RegExp(rule.pattern.source, 'g');
    for (const match of text.matchAll(global)) {
      const index = match.index ?? 0;
      const line = text.slice(0, index).split('\n').length;
      findings.push({ file, line, rule: rule.name, excerpt: text.slice(Math.max(0, index - 30), index + 40).replace(/\s+/g, ' ') });
    }
  }
  return findings;
}

/** Every file under `dir` (recursively) whose name ends with one of `endings`; missing folders give []. */
export function listFiles(dir: string, endings: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, endings);
    return endings.some((ending) => name.endsWith(ending)) ? [path] : [];
  });
}

export function scanFiles(files: readonly string[], rules: readonly UnsafeRule[]): Finding[] {
  return files.flatMap((file) => scanText(file, readFileSync(file, 'utf8'), rules));
}
