/**
 * The lesson's content, checked as data: every step has its texts in both languages within the word budget,
 * a teacher note, a question whose wrong choices each name a misconception, and texts that talk only about
 * panels the step shows.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { partsEn } from '../../i18n/parts.en';
import { partsZhCN } from '../../i18n/parts.zh-CN';
import { DATA_SIZES, DEFAULT_SCENARIO } from '../../engine';
import { defaultUrlSettings, parseUrlSettings, URL_SCHEMA } from '../urlSchema';
import { LESSON_OWNED_KEYS, LESSON_STEPS, LESSON_STEP_COUNT, MISCONCEPTIONS, lessonLinkSettings, settingsForStep, stepAt, type LessonPanel } from './steps';

/** Every step's text per language: the first step's (first-screen strings) and the later ones' (later parts). */
const LANGUAGES = {
  en: { ...en.lesson.steps, ...partsEn.lessonSteps.steps },
  'zh-CN': { ...zhCN.lesson.steps, ...partsZhCN.lessonSteps.steps },
};
type StepText = (typeof LANGUAGES.en)[keyof typeof LANGUAGES.en];

/**
 * Words as a reader meets them: Latin words and numbers count one each, and two Chinese characters count as one
 * word (a common rule of thumb for reading time: Chinese runs at about twice as many characters as English words).
 */
export function wordCount(text: string): number {
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const rest = text.replace(/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g, ' ');
  const words = rest.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return words + Math.ceil(cjk / 2);
}

/** How a text refers to each panel, per language: a mention must be of a panel the step shows. */
const PANEL_MENTIONS: Record<keyof typeof LANGUAGES, Record<LessonPanel, RegExp>> = {
  en: {
    network: /living network|network diagram/i,
    loss: /loss curves?|loss chart/i,
    fit: /fitted function|fit chart/i,
    tensor: /tensor lab|number by number|histogram/i,
    sweep: /\bsweep\b/i,
  },
  'zh-CN': {
    network: /眨眼的网络|网络图/,
    loss: /损失曲线/,
    fit: /拟合出的函数|拟合函数/,
    tensor: /张量实验|逐个数字看|直方图/,
    sweep: /扫描/,
  },
};

function stepText(language: keyof typeof LANGUAGES, id: string): StepText {
  return LANGUAGES[language][id as keyof typeof LANGUAGES.en];
}

describe('the lesson steps', () => {
  it('are about ten, with unique ids, and the link’s step bound is their number', () => {
    expect(LESSON_STEPS.length).toBeGreaterThanOrEqual(9);
    expect(LESSON_STEPS.length).toBeLessThanOrEqual(12);
    expect(new Set(LESSON_STEPS.map((step) => step.id)).size).toBe(LESSON_STEPS.length);
    expect(URL_SCHEMA.step.parse(String(LESSON_STEP_COUNT)).ok).toBe(true);
    expect(URL_SCHEMA.step.parse(String(LESSON_STEP_COUNT + 1)).ok).toBe(false);
    // Steps 7 and 9 carry the engine's measured experiments (Srivastava et al. Figs. 11 and 10) in their reveal.
    expect(LESSON_STEPS.find((step) => step.id === 'ensemble')?.experiment).toBe('ensemble');
    expect(LESSON_STEPS.find((step) => step.id === 'moreData')?.experiment).toBe('data-size');
    // The tensor lab is not the hook.
    expect(LESSON_STEPS[0].panels).not.toContain('tensor');
    expect(LESSON_STEPS[0].panels).toEqual(expect.arrayContaining(['network', 'loss']));
  });

  // The first screen downloads the first step's text only; a lesson link to a later step (main.tsx, and
  // public/locale-hint.js) fetches the later parts' strings because every other step's text is there.
  it('keep the first step’s text on the first screen and every later step’s with the later parts', () => {
    for (const [first, later] of [[en.lesson.steps, partsEn.lessonSteps.steps], [zhCN.lesson.steps, partsZhCN.lessonSteps.steps]]) {
      expect(Object.keys(first)).toEqual([LESSON_STEPS[0].id]);
      expect(Object.keys(later).sort()).toEqual(LESSON_STEPS.slice(1).map((step) => step.id).sort());
    }
  });

  for (const step of LESSON_STEPS) {
    describe(`step “${step.id}”`, () => {
      for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
        it(`has its ${language} text within 120 words and a teacher note`, () => {
          const text = stepText(language, step.id);
          expect(text, `${language} text of ${step.id}`).toBeDefined();
          for (const part of [text.title, text.text, text.question, text.explanation, text.teacher.goal, text.teacher.ask]) {
            expect(part.trim().length).toBeGreaterThan(0);
          }
          expect(wordCount(`${text.title} ${text.text} ${text.question}`)).toBeLessThanOrEqual(120);
          expect(wordCount(text.explanation)).toBeLessThanOrEqual(120);
          for (const choice of step.question?.choices ?? []) {
            expect(text.choices[choice.id as keyof typeof text.choices], `${language} choice ${choice.id}`).toBeTruthy();
          }
          // No text for a choice the step does not have.
          expect(Object.keys(text.choices).sort()).toEqual((step.question?.choices ?? []).map((c) => c.id).sort());
        });

        it(`talks in ${language} only about panels it shows`, () => {
          const text = stepText(language, step.id);
          for (const ref of step.refs) expect(step.panels, `ref ${ref}`).toContain(ref);
          const said = [text.title, text.text, text.question, text.explanation, ...Object.values(text.choices)].join(' ');
          for (const [panel, pattern] of Object.entries(PANEL_MENTIONS[language]) as [LessonPanel, RegExp][]) {
            if (pattern.test(said)) expect(step.refs, `${language} text of ${step.id} mentions the ${panel} panel`).toContain(panel);
          }
        });
      }

      it('has a teacher note with minutes and named misconceptions', () => {
        expect(step.teacher.minutes).toBeGreaterThan(0);
        expect(step.teacher.minutes).toBeLessThanOrEqual(15);
        for (const id of step.teacher.misconceptions) expect(MISCONCEPTIONS).toContain(id);
      });

      if (step.question) {
        it('asks with 2–4 choices, one right, every wrong one naming a misconception', () => {
          const choices = step.question!.choices;
          expect(choices.length).toBeGreaterThanOrEqual(2);
          expect(choices.length).toBeLessThanOrEqual(4);
          expect(choices.filter((choice) => choice.correct)).toHaveLength(1);
          for (const choice of choices) {
            if (choice.correct) expect(choice.misconception).toBeUndefined();
            else expect(MISCONCEPTIONS, `${step.id}/${choice.id}`).toContain(choice.misconception);
          }
        });
      }

      it('presets only settings the lesson owns (or the seed)', () => {
        for (const key of Object.keys(step.preset)) expect([...LESSON_OWNED_KEYS, 'seed']).toContain(key);
      });
    });
  }

  it('name every misconception in both languages, and the source article’s six come first', () => {
    expect(MISCONCEPTIONS.slice(0, 6)).toEqual([
      'dividedByP', 'exactlyNp', 'weightsSavedRestored', 'pIsKeep', 'onAtTest', 'dropoutTrainLossComparable',
    ]);
    for (const id of MISCONCEPTIONS) {
      expect(en.lesson.misconceptions[id]).toBeTruthy();
      expect(zhCN.lesson.misconceptions[id]).toBeTruthy();
    }
  });
});

describe('a step as a preset of the Lab’s settings', () => {
  it('gives the same settings however the student got to it', () => {
    const defaults = defaultUrlSettings();
    const data = stepAt(9);
    const uncertainty = stepAt(10);
    const direct = settingsForStep({ ...defaults, step: 5 }, defaults, stepAt(5), 7);
    const viaOthers = settingsForStep(settingsForStep(settingsForStep(defaults, defaults, data, 7), defaults, uncertainty, 7), defaults, stepAt(5), 7);
    expect({ ...viaOthers, step: 5 }).toEqual(direct);
    expect(direct.seed).toBe(7);
    expect(settingsForStep(defaults, defaults, data, 7).n).toBe(300);
  });

  it('keeps the reader’s language, mode and seed, and a step that names a seed uses it', () => {
    const defaults = defaultUrlSettings();
    const reader = { ...defaults, locale: 'zh-CN' as const, mode: 'present' as const, seed: 3, p: 0.6 };
    const hook = settingsForStep(reader, defaults, stepAt(1), 3);
    expect(hook).toMatchObject({ locale: 'zh-CN', mode: 'present', seed: 3, p: defaults.p });
    expect(settingsForStep(reader, defaults, stepAt(10), 3)).toMatchObject({ seed: 1, act: 'relu', gap: true });
  });

  it('writes a lesson link without the step’s preset', () => {
    const defaults = defaultUrlSettings();
    const settings = settingsForStep({ ...defaults, view: 'lesson', step: 9 }, defaults, stepAt(9), 0);
    const link = lessonLinkSettings(settings, defaults);
    expect(link.n).toBe(defaults.n);
    expect(link.step).toBe(9);
  });
});

describe('the numbers the lesson writes out', () => {
  // The texts name the default run's size in words; they must be the run the reader watches.
  const { trainSize, hidden, p } = DEFAULT_SCENARIO;
  /** `value` written as a number of its own (not part of 1200 or 0.3). */
  const number = (value: number) => new RegExp(`(^|[^\\d.])${value}(?![\\d]|\\.\\d)`);
  it.each(Object.entries(LANGUAGES))('are the default scenario’s (%s)', (_, steps) => {
    expect(hidden).toHaveLength(1); // "the hidden layer"
    const [units] = hidden;
    for (const text of [steps.hook.text, steps.hook.explanation, steps.perExample.question,
      steps.overfit.explanation, steps.moreData.text]) {
      expect(text).toMatch(number(trainSize));
    }
    expect(steps.perExample.text).toMatch(number(trainSize));
    expect(steps.perExample.text).toMatch(number(units));
    for (const choice of [steps.perExample.choices.ownAboutHalf, steps.perExample.choices.ownExactlyHalf]) {
      expect(choice).toMatch(number(units));
      expect(choice).toMatch(number(units * p));
    }
  });

  // The data-size step names the sizes its switch offers (the experiment's DATA_SIZES) and the size it opens with.
  it.each(Object.entries(LANGUAGES))('in the data-size step are the sizes it offers (%s)', (_, steps) => {
    const step = stepAt(LESSON_STEPS.findIndex((candidate) => candidate.id === 'moreData') + 1);
    const text = steps.moreData.text;
    expect(step.variants?.values).toEqual([...DATA_SIZES]);
    for (const size of DATA_SIZES) expect(text).toMatch(number(size));
    expect(text).toMatch(number(step.preset.n ?? NaN));
    // No other size is named: every number in the text is one of those, or the default run's size.
    const named = [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
    expect(named.filter((value) => !(DATA_SIZES as readonly number[]).includes(value) && value !== trainSize)).toEqual([]);
  });
});

describe('the view setting', () => {
  it('chooses the screen, and the old view=train|eval opens the Lab with that network view', () => {
    expect(parseUrlSettings('?view=lesson&step=5').settings).toMatchObject({ view: 'lesson', step: 5 });
    expect(parseUrlSettings('?view=eval').settings).toMatchObject({ view: 'lab', netview: 'eval' });
    expect(parseUrlSettings('?view=train').settings).toMatchObject({ view: 'lab', netview: 'train' });
    expect(parseUrlSettings('?view=eval&netview=train').settings).toMatchObject({ view: 'lab', netview: 'train' });
    expect(parseUrlSettings('?netview=eval').settings).toMatchObject({ view: undefined, netview: 'eval' });
    const bad = parseUrlSettings('?view=lessons&step=99');
    expect(bad.notices.map((notice) => notice.param).sort()).toEqual(['step', 'view']);
  });
});
