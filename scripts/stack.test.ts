import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The product card fixes the stack: react, react-dom, d3, zustand, vite, playwright. A smaller runtime behind
 * React's name (preact/compat through a Vite alias) would change what ships to students without anyone choosing
 * it: a change of stack is a product decision, made in an issue, not a build trick.
 */
describe('the stack the product card fixes', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

  it('ships React and ReactDOM, with d3 and zustand, and no other UI runtime', () => {
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['react', 'react-dom', 'd3', 'zustand']));
    for (const other of ['preact', 'inferno', 'solid-js', 'vue', 'svelte']) expect(manifest.dependencies).not.toHaveProperty(other);
  });

  it('the build resolves react and react-dom to themselves (no alias to another runtime)', () => {
    const config = readFileSync('vite.config.ts', 'utf8');
    expect(config).not.toMatch(/preact/);
    expect(config).not.toMatch(/find:\s*\/\^react/);
  });
});
