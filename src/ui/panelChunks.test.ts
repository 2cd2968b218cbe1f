import { describe, expect, it } from 'vitest';
import { firstScreenShowsTensorLab } from './panelChunks';
import { defaultUrlSettings } from '../state/urlSchema';
import { LESSON_STEPS } from '../state/lesson/steps';

describe('firstScreenShowsTensorLab (main.tsx loads the tensor lab before the first render only then)', () => {
  const lab = { ...defaultUrlSettings(), view: 'lab' as const };

  it('is true for the Lab with its tensor panel, false for an embed without it', () => {
    expect(firstScreenShowsTensorLab(lab)).toBe(true);
    expect(firstScreenShowsTensorLab({ ...lab, panels: ['network', 'loss'] })).toBe(false);
  });

  it('follows the lesson step: not the opening step, yes the steps whose figure is the tensor lab', () => {
    LESSON_STEPS.forEach((step, index) => {
      const settings = { ...lab, view: 'lesson' as const, step: index + 1 };
      expect(firstScreenShowsTensorLab(settings), step.id).toBe(step.panels.includes('tensor'));
    });
    expect(firstScreenShowsTensorLab({ ...lab, view: 'lesson', step: 1 })).toBe(false);
  });

  it('is true for a mystery-p challenge, which shows the tensor lab alone whatever the panels say', () => {
    expect(firstScreenShowsTensorLab({ ...lab, panels: ['network'], mystery: 'bcdfghjklm' })).toBe(true);
  });
});
