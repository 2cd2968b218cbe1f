/**
 * The lesson's English text on the first screen: the step card, the first step (the hook), the reveal that
 * quotes its run (functions of the run's numbers, already formatted) and the labels of the teacher notes. The
 * other steps, their reveals and the measured experiments come later with the parts (lessonSteps.en.ts): a
 * reader of the first screen does not download them. Part of the English strings (en.ts imports it), so its
 * type is the contract for lesson.zh-CN.ts.
 */

/** The text of one step, wherever it comes from (i18n/index.ts: stepTextFor). */
export interface StepText {
  title: string;
  text: string;
  question: string;
  choices: Readonly<Record<string, string>>;
  explanation: string;
  teacher: { goal: string; ask: string };
}

export const lessonEn = {
  screensLabel: 'Screen',
  lesson: 'Lesson',
  lab: 'Lab',
  skipToLesson: 'Skip to the lesson',
  progress: (step: number, total: number) => `Step ${step} of ${total}`,
  progressLabel: 'Lesson progress',
  /** Said to screen readers when a new step's card is shown. */
  stepShown: (progress: string, title: string) => `${progress}: ${title}`,
  back: 'Back',
  next: 'Next',
  nextHint: 'Keys: ← → or Page Up / Page Down',
  questionLabel: 'Predict first',
  check: 'Check my answer',
  skip: 'Skip — show me',
  tryAgain: 'Answer again',
  chooseFirst: 'Choose one answer first, or skip.',
  right: 'Right.',
  notQuite: 'Not quite.',
  skipped: 'Here is what happens.',
  answerIs: 'The answer:',
  misconceptionNote: (belief: string) => `That choice rests on a common misconception: “${belief}”`,
  figureLabel: 'The figure of this step',
  lastStep: 'That was the last step. The Lab has every panel and setting to keep exploring.',
  openLab: 'Open the Lab',
  actions: {
    play: '▶ Play both networks',
    pause: '❚❚ Pause',
    continue: '▶ Continue both networks',
    forward100: 'Draw 100 more passes',
    stepPass: 'Step one pass',
    sweep: 'Run the p-sweep',
  },
  variantN: 'Training points',
  misconceptions: {
    dividedByP: 'Kept values are divided by p.',
    exactlyNp: 'Exactly N·p units are dropped every time.',
    weightsSavedRestored: 'Dropped weights are saved and restored.',
    pIsKeep: 'p is the probability of keeping a unit.',
    onAtTest: 'Dropout stays on when the network is used.',
    dropoutTrainLossComparable: 'The train loss measured with dropout on can be compared with the validation loss.',
    moreDropoutAlwaysBetter: 'More dropout is always better.',
    helpsWithPlentifulData: 'Dropout helps just as much with plenty of data.',
    sameMaskForBatch: 'All examples of a batch share one mask.',
    trainLossShowsGeneralisation: 'A lower train loss means better predictions on new data.',
    allUnitsAlwaysBetter: 'Using every unit on every pass always learns better.',
    uncertaintyEverywhere: 'MC dropout is equally unsure everywhere.',
  },
  teacher: {
    goal: 'Goal',
    misconception: 'Misconception',
    ask: 'Ask the class',
    minutes: (minutes: number) => `${minutes} min`,
  },
  steps: {
    hook: {
      title: 'Two networks, one with dropout',
      text: 'The living network learns 20 noisy points. Its twin learns the same points but switches random neurons off on every pass. The loss curves follow both.',
      question: 'Which twin will predict new points better (lower validation loss)?',
      choices: {
        dropout: 'The twin with dropout',
        plain: 'The twin without: it uses all its neurons',
        same: 'Neither: same points, same result',
      },
      explanation:
        'With only 20 points, the network without dropout starts to memorise the noise. Dropout makes every pass train a different thinned network, so no neuron can rely on another: the twin learns the smooth shape instead.',
      teacher: {
        goal: 'Hook: commit to a prediction before watching the twins train.',
        ask: 'Why would switching neurons off at random help a network rather than hurt it?',
      },
    },
  },
  reveals: {
    waitPlay: (epoch: number, needed: number) =>
      `Your run is at epoch ${epoch}. Press Play: from epoch ${needed} on, your run’s own numbers appear here, and they update as it trains.`,
    twinRun: (epoch: number, plain: string, dropout: string, ratio: string) =>
      `In your run at epoch ${epoch}, the validation loss is ${plain} without dropout and ${dropout} with dropout: ${ratio}× larger without.`,
    twinRunReversed: (epoch: number, plain: string, dropout: string) =>
      `In your run at epoch ${epoch}, the validation loss is ${plain} without dropout and ${dropout} with dropout: here dropout is not ahead (yet). Train on, or try another seed.`,
  },
};
