import { describe, expect, it } from 'vitest';
import { BUNDLE_RULES, SOURCE_RULES, listFiles, scanFiles, scanText } from './unsafe-code';

describe('no code or markup built from strings', () => {
  it('src/ has no eval, Function constructor, dangerouslySetInnerHTML or innerHTML assignment', () => {
    // Tests may mention the patterns (this one does); the app's own files may not.
    const files = listFiles('src', ['.ts', '.tsx']).filter((file) => !/\.test\.tsx?$/.test(file));
    expect(files.length).toBeGreaterThan(10);
    expect(scanFiles(files, SOURCE_RULES)).toEqual([]);
  });

  it('the worker and scripts folders are clean too', () => {
    const files = listFiles('scripts', ['.ts', '.mjs']).filter((file) => !/unsafe-code/.test(file));
    expect(scanFiles(files, BUNDLE_RULES)).toEqual([]);
  });

  it('the rules catch what they are meant to catch (so a pass means something)', () => {
    const bad = [
      'eval(text)',
      'const run = eval (x)',
      'const f = new Function("a", body)',
      'Function("return this")()',
      '<div dangerouslySetInnerHTML={{ __html: note }} />',
      'element.innerHTML = value',
      'element.outerHTML += value',
      'node.insertAdjacentHTML("beforeend", s)',
      'document.write(s)',
      'selection.html(label)',
      "setTimeout('tick()', 10)",
    ];
    for (const line of bad) expect(scanText('x.ts', line, SOURCE_RULES), line).not.toEqual([]);
    const fine = ['evaluate(model)', 'model.eval()', 'call `eval()` to switch dropout off', 'retrieval(x)', 'const isFunction = typeof f === "function"', 'if (el.innerHTML === "")', 'textContent = value', 'setTimeout(tick, 10)'];
    for (const line of fine) expect(scanText('x.ts', line, SOURCE_RULES), line).toEqual([]);
  });
});
