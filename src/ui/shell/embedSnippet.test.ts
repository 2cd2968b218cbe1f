import { describe, expect, it } from 'vitest';
import { defaultUrlSettings, parseUrlSettings } from '../../state/urlSchema';
import { embedSnippet, embedUrl, escapeAttribute } from './embedSnippet';

const base = {
  appUrl: 'https://school.example/ml/lab/',
  settings: { ...defaultUrlSettings(), p: 0.4, seed: 889, mode: 'present' as const },
  panels: ['network', 'loss'] as ('network' | 'loss')[],
  parent: 'https://course.example',
  title: 'Dropout Lab "demo" <1>',
};

describe('embed snippet', () => {
  it('puts the current settings, embed mode and the chosen panels in the frame address', () => {
    const url = new URL(embedUrl(base));
    const { settings, notices } = parseUrlSettings(url.search);
    expect(notices).toEqual([]);
    expect(settings.p).toBe(0.4);
    expect(settings.seed).toBe(889);
    expect(settings.embed).toBe(true);
    expect(settings.panels).toEqual(['network', 'loss']);
    expect(settings.parent).toBe('https://course.example');
    // A projector setting of the teacher's screen does not leak into the course page.
    expect(settings.mode).toBe('normal');
    expect(url.pathname).toBe('/ml/lab/');
  });

  it('writes the sandboxed iframe with escaped attributes and the auto-height script', () => {
    const code = embedSnippet(base);
    expect(code).toContain('sandbox="allow-scripts allow-same-origin allow-downloads"');
    expect(code).toContain('allow="fullscreen; clipboard-write"');
    expect(code).toContain('title="Dropout Lab &quot;demo&quot; &lt;1&gt;"');
    expect(code).toContain('event.origin !== "https://school.example"');
    expect(code).toMatch(/src="https:\/\/school\.example\/ml\/lab\/\?p=0\.4&amp;seed=889&amp;embed=1/);
    expect(code.match(/<script>/g)).toHaveLength(1);
  });

  it('escapes every character that could end an attribute', () => {
    expect(escapeAttribute('a&b"c<d>e')).toBe('a&amp;b&quot;c&lt;d&gt;e');
  });
});
