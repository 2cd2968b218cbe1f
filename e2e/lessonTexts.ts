import type { StepText } from '../src/i18n';
import { lessonEn } from '../src/i18n/lesson.en';
import { lessonStepsEn } from '../src/i18n/lessonSteps.en';
import { lessonZhCN } from '../src/i18n/lesson.zh-CN';
import { lessonStepsZhCN } from '../src/i18n/lessonSteps.zh-CN';

/** Every lesson step's text: the first step's comes with the first screen's strings, the later ones' with the later parts'. */
const STEP_TEXTS: Record<'en' | 'zh-CN', Record<string, StepText>> = {
  en: { ...lessonEn.steps, ...lessonStepsEn.steps },
  'zh-CN': { ...lessonZhCN.steps, ...lessonStepsZhCN.steps },
};

/** The text of the lesson step `id` in `locale`. */
export function stepText(locale: 'en' | 'zh-CN', id: string): StepText {
  const text = STEP_TEXTS[locale][id];
  if (!text) throw new Error(`no ${locale} text for the lesson step "${id}"`);
  return text;
}
