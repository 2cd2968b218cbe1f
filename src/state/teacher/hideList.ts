/**
 * Links that hide chosen controls (`hide=settings,p,language`): the one list of controls a link can remove, and
 * the spec that parses it. A hidden control is not rendered at all (see useHidden in src/ui/teacher), so it is
 * neither seen nor reached by Tab or a screen reader, and a keyboard shortcut that stands in for it ([ and ] for
 * p, see src/state/shortcuts.ts) is off too.
 */
import type { Spec } from '../settingSpecs';

/**
 * Every control a link can hide, in the order the teacher panel lists them. Adding one is an id here, its label
 * in strings.teacher.hideLabels (both languages), and a `useHidden('<id>')` check where it is rendered.
 */
export const HIDEABLE_CONTROLS = [
  'screens',
  'language',
  'present',
  'teacher',
  'settings',
  'seed',
  'p',
  'speed',
  'tensorControls',
  'sweep',
] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

/** Parses a comma list of control ids: unknown ids refuse the whole list (a notice says so), repeats count once. */
export function parseHideList(raw: string): { ok: true; value: HideableControl[] } | { ok: false } {
  const parts = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const chosen = new Set<HideableControl>();
  for (const part of parts) {
    const id = HIDEABLE_CONTROLS.find((control) => control === part);
    if (!id) return { ok: false };
    chosen.add(id);
  }
  // The list's own order, whatever order the link wrote: the same choice always makes the same link.
  return { ok: true, value: HIDEABLE_CONTROLS.filter((id) => chosen.has(id)) };
}

export const hideSpec: Spec<HideableControl[]> = {
  default: [],
  expected: HIDEABLE_CONTROLS.join(','),
  parse(raw) {
    const result = parseHideList(raw);
    return result.ok ? result : { ok: false, reason: 'badList' };
  },
  format: (value) => value.join(','),
  equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
};
