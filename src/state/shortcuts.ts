/**
 * The keyboard shortcuts: ONE table of key → action. The keydown handler and the help dialog both read it, so
 * the dialog can never list a key that does nothing (or miss one that does something).
 *
 * This file is pure (no DOM access beyond the event's target fields), so the matching rules are unit-tested in
 * Node; src/ui/shell/useShortcuts.ts binds the actions to the store and the training controls.
 */
import { PANEL_NAMES, type PanelName } from './urlSchema';
import type { HideableControl } from './teacher/hideList';

export type ShortcutAction =
  | 'help'
  | 'togglePlay'
  | 'stepPass'
  | 'stepEpoch'
  | 'reset'
  | 'toggleView'
  | 'lowerP'
  | 'raiseP'
  | 'focusPanel'
  | 'fullscreen'
  | 'showAll'
  | 'nextStep'
  | 'previousStep';

/** The screen a shortcut works on; absent means both. */
export type ShortcutScreen = 'lesson' | 'lab';

/** What a shortcut matches against: the fields of a KeyboardEvent that matter. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  /** How the key is written in the help dialog; names like "Space" are translated there (see strings.help.keys). */
  keys: readonly string[];
  /** The keys are pressed together (Shift + →) rather than being alternatives (1, 2, 3, 4). */
  together?: true;
  /** Only on this screen: in the Lesson → moves to the next step, in the Lab it steps training one pass. */
  screen?: ShortcutScreen;
  /** The control this key stands in for: a link that hides the control (`hide=p`) turns the key off too. */
  control?: HideableControl;
  matches(press: KeyPress): boolean;
}

/** How far one press of [ or ] moves the drop probability. */
export const P_STEP = 0.05;

const plain = (key: string) => (press: KeyPress) => press.key === key && !press.shiftKey;
const letter = (key: string) => (press: KeyPress) => press.key.toLowerCase() === key && !press.shiftKey;

export const SHORTCUTS: readonly Shortcut[] = [
  // "?" is Shift+/ on most layouts, so shift is allowed here.
  { action: 'help', keys: ['?'], matches: (press) => press.key === '?' },
  { action: 'togglePlay', keys: ['Space'], matches: plain(' ') },
  { action: 'stepPass', keys: ['→'], screen: 'lab', matches: plain('ArrowRight') },
  // The lesson: arrows and Page Up / Page Down, which is what presentation clickers send.
  { action: 'nextStep', keys: ['→', 'PageDown'], screen: 'lesson', matches: (press) => plain('ArrowRight')(press) || press.key === 'PageDown' },
  { action: 'previousStep', keys: ['←', 'PageUp'], screen: 'lesson', matches: (press) => plain('ArrowLeft')(press) || press.key === 'PageUp' },
  { action: 'stepEpoch', keys: ['Shift', '→'], together: true, matches: (press) => press.key === 'ArrowRight' && press.shiftKey },
  { action: 'reset', keys: ['R'], matches: letter('r') },
  { action: 'toggleView', keys: ['E'], matches: letter('e') },
  { action: 'lowerP', keys: ['['], control: 'p', matches: plain('[') },
  { action: 'raiseP', keys: [']'], control: 'p', matches: plain(']') },
  { action: 'focusPanel', keys: ['1', '2', '3', '4'], matches: (press) => /^[1-4]$/.test(press.key) },
  { action: 'fullscreen', keys: ['F'], matches: letter('f') },
  { action: 'showAll', keys: ['Esc'], matches: (press) => press.key === 'Escape' },
];

/** The shortcuts that work on `screen` when the link hides `hidden` (what the help dialog lists). */
export function activeShortcuts(screen: ShortcutScreen, hidden: readonly HideableControl[] = []): Shortcut[] {
  return SHORTCUTS.filter((shortcut) => (shortcut.screen ?? screen) === screen && !(shortcut.control && hidden.includes(shortcut.control)));
}

/** The action a key press asks for, or null. Presses with Ctrl, ⌘ or Alt belong to the browser and the OS. */
export function shortcutFor(press: KeyPress, screen: ShortcutScreen = 'lab', hidden: readonly HideableControl[] = []): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return activeShortcuts(screen, hidden).find((shortcut) => shortcut.matches(press)) ?? null;
}

/**
 * A clicker's Page Up / Page Down must turn the page even when the focus rests on a choice the student just
 * picked (a radio button or a checkbox), where other keys belong to the control; never in a text field.
 */
export function clickerPageKey(press: KeyPress, target: TargetLike | null): boolean {
  if (press.key !== 'PageUp' && press.key !== 'PageDown') return false;
  if (!target || target.tagName?.toUpperCase() !== 'INPUT') return false;
  const type = target.getAttribute?.('type');
  return type === 'radio' || type === 'checkbox';
}

/** The panel a number key focuses: 1 → tensor lab … 4 → fitted function. */
export function panelForKey(key: string): PanelName | null {
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 && index < PANEL_NAMES.length ? PANEL_NAMES[index] : null;
}

/** The minimal view of an event target the typing check needs (an Element in the browser). */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements that Space activates by themselves: a shortcut must not steal that press. */
const SPACE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

/** True when keys typed at this target are text (or a choice in a field) and must never trigger a shortcut. */
export function isTypingTarget(target: TargetLike | null): boolean {
  if (!target || typeof target.tagName !== 'string') return false;
  if (TYPING_TAGS.has(target.tagName.toUpperCase())) return true;
  if (target.isContentEditable) return true;
  const role = target.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'slider' || role === 'spinbutton';
}

/** True when Space at this target already means "press this control". */
export function spaceActivates(target: TargetLike | null): boolean {
  if (!target || typeof target.tagName !== 'string') return false;
  if (SPACE_TAGS.has(target.tagName.toUpperCase())) return true;
  const role = target.getAttribute?.('role');
  return role === 'button' || role === 'checkbox' || role === 'switch' || role === 'tab' || role === 'menuitem';
}

