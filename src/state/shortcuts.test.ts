import { describe, expect, it } from 'vitest';
import { activeShortcuts, isTypingTarget, panelForKey, shortcutFor, spaceActivates, SHORTCUTS } from './shortcuts';

const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const element = (tagName: string, extra: { role?: string; isContentEditable?: boolean } = {}) => ({
  tagName,
  isContentEditable: extra.isContentEditable ?? false,
  getAttribute: (name: string) => (name === 'role' ? (extra.role ?? null) : null),
});

describe('shortcut table', () => {
  it('maps every key of the brief to its action', () => {
    expect(shortcutFor(press('?', { shiftKey: true }))?.action).toBe('help');
    expect(shortcutFor(press(' '))?.action).toBe('togglePlay');
    expect(shortcutFor(press('ArrowRight'))?.action).toBe('stepPass');
    expect(shortcutFor(press('ArrowRight', { shiftKey: true }))?.action).toBe('stepEpoch');
    expect(shortcutFor(press('r'))?.action).toBe('reset');
    expect(shortcutFor(press('R'))?.action).toBe('reset');
    expect(shortcutFor(press('e'))?.action).toBe('toggleView');
    expect(shortcutFor(press('['))?.action).toBe('lowerP');
    expect(shortcutFor(press(']'))?.action).toBe('raiseP');
    expect(shortcutFor(press('3'))?.action).toBe('focusPanel');
    expect(shortcutFor(press('f'))?.action).toBe('fullscreen');
    expect(shortcutFor(press('Escape'))?.action).toBe('showAll');
  });

  it('leaves keys with Ctrl, ⌘ or Alt to the browser, and unknown keys alone', () => {
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('f', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('[', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('5'))).toBeNull();
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('has exactly one action per entry, so the help dialog lists each once', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('numbers the panels in page order', () => {
    expect(['1', '2', '3', '4', '0', '5'].map(panelForKey)).toEqual(['tensor', 'network', 'loss', 'fit', null, null]);
  });

  it('never fires while typing, and lets Space press a focused button', () => {
    expect(isTypingTarget(element('INPUT'))).toBe(true);
    expect(isTypingTarget(element('textarea'))).toBe(true);
    expect(isTypingTarget(element('SELECT'))).toBe(true);
    expect(isTypingTarget(element('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(element('DIV', { role: 'slider' }))).toBe(true);
    expect(isTypingTarget(element('BODY'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
    expect(spaceActivates(element('BUTTON'))).toBe(true);
    expect(spaceActivates(element('DIV', { role: 'button' }))).toBe(true);
    expect(spaceActivates(element('BODY'))).toBe(false);
  });

  it('a link that hides p turns off the keys that change p, and only those', () => {
    expect(shortcutFor(press('['), 'lab', ['p'])).toBeNull();
    expect(shortcutFor(press(']'), 'lesson', ['p'])).toBeNull();
    expect(shortcutFor(press('['), 'lab', ['settings', 'seed'])?.action).toBe('lowerP');
    expect(shortcutFor(press('r'), 'lab', ['p'])?.action).toBe('reset');
    const listed = activeShortcuts('lab', ['p']).map((shortcut) => shortcut.action);
    expect(listed).not.toContain('lowerP');
    expect(listed).not.toContain('raiseP');
    expect(listed.length).toBe(activeShortcuts('lab').length - 2);
  });
});
