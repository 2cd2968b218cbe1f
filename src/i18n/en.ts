import { lessonEn } from './lesson.en';
/**
 * English strings. This object's type is the contract for every other locale (see zh-CN.ts), so a missing
 * translation is a compile error. Each panel owns one section; functions take the numbers they show.
 */
export const en = {
  locale: 'en',
  lesson: lessonEn,
  app: {
    title: 'Dropout Lab',
    tagline: 'Watch dropout switch neurons off, and see it fight overfitting.',
    languageLabel: 'Language',
    skipToContent: 'Skip to the lab',
  },
  panels: {
    tensor: 'nn.Dropout, number by number',
    network: 'The living network',
    loss: 'Loss curves',
    fit: 'The fitted function',
  },
  notices: {
    regionLabel: 'Notices',
    dismiss: 'Dismiss',
    reload: 'Reload now',
    ignoredParam: (name: string, value: string, reason: string, expected: string) =>
      `Ignored the link setting “${name}=${value}”: ${reason} (expected ${expected}). The default is used instead.`,
    unknownParam: (name: string) => `Ignored “${name}” in the link: the lab has no setting of that name.`,
    reasons: {
      notANumber: 'not a number',
      notAnInteger: 'not a whole number',
      outOfRange: 'out of range',
      notAllowed: 'not one of the allowed values',
      badList: 'not a valid list',
      badOrigin: 'not a web origin',
      unknownParameter: 'unknown setting',
      repeated: 'given more than once (the first one counts)',
      tooLong: 'too long',
    },
    /** Replaces the schema's English description of what a parameter accepts. */
    expectedLayers: '1 to 3 layer widths from 1 to 128, e.g. 64,64',
    texts: {
      workerRestarted: () => 'The training engine stopped responding and was restarted; training begins again at epoch 0.',
      diverged: (epoch?: string | number) =>
        `Training stopped${epoch === undefined ? '' : ` at epoch ${epoch}`}: a loss grew too large to compute. Lower the learning rate, then reset.`,
      trainingReset: () => 'Training was reset to epoch 0 with the new settings.',
      trainingError: (reason?: string | number) =>
        `The lab could not use these settings${reason === undefined ? '' : ` (${reason})`}. The previous settings are kept.`,
      workerUnavailable: () =>
        'The training engine could not start in this browser (Web Workers are blocked here). The tensor lab still works.',
      newVersion: () => 'A newer version of the lab is available. Reload to use it.',
      offlineReady: () => 'The lab is now saved in this browser and will keep working without a network.',
      partUnavailable: () => 'This part of the lab could not be downloaded (is the network down?). Try again in a moment.',
      localeUnavailable: () =>
        'The Chinese text (简体中文) could not be downloaded, so the lab stays in English. Check the connection and choose the language again.',
      fullscreenUnavailable: () =>
        'Full screen is not available here (the page that embeds the lab may not allow it). Use the browser’s own full-screen key instead.',
    },
  },
  network: {
    controlsLabel: 'Training controls',
    play: 'Play',
    pause: 'Pause',
    continue: 'Continue',
    continueTitle: (epochs: number) => `The run has reached its budget: train both networks for another ${epochs} epochs`,
    stepPass: 'Step one pass',
    stepPassTitle: 'One forward pass with a fresh dropout mask, then one weight update (pauses training)',
    stepEpoch: 'Step one epoch',
    reset: 'Reset',
    resetTitle: 'Back to epoch 0 with the same seed: the same weights and the same first mask',
    speedLabel: 'Speed',
    speeds: { full: 'Full speed', steps: 'Steps', slow: 'Slow motion' },
    speedTitles: {
      full: 'Trains as fast as it can; the mask shown is sampled every 0.2 s so you can follow it',
      steps: 'About four forward passes per second',
      slow: 'One forward pass every 1.2 s, travelling through the layers',
    },
    pLabel: 'Dropout probability p (hidden layers)',
    pValueLabel: 'p as a number',
    pInvalid: (min: number, max: number) => `Enter a number from ${min} to ${max}. The current p is kept.`,
    pNote: 'Changing p restarts training: the dropout twin becomes a different model.',
    viewLabel: 'Show',
    views: { train: 'Training pass', eval: 'Eval mode' },
    viewTitles: {
      train: 'The real mask of the latest training pass: dropped units are off, kept ones scaled by 1/(1−p)',
      eval: 'model.eval(): every unit on and nothing scaled, as when the model predicts',
    },
    epoch: 'Epoch',
    epochsPerSecond: (rate: string) => `${rate} epochs/s`,
    noPassYet: 'No forward pass yet. Press Play or “Step one pass”.',
    pass: (pass: string) => `Forward pass ${pass}`,
    layerDropped: (layer: number, dropped: number, total: number) => `Layer ${layer}: ${dropped} of ${total} dropped`,
    thinnedBefore: 'one of 2',
    thinnedAfter: (kept: number, total: number) => ` thinned networks (${kept} of ${total} hidden units kept)`,
    thinnedSpoken: (total: number, kept: number) =>
      `one of 2 to the power ${total} thinned networks, ${kept} of ${total} hidden units kept`,
    evalSummary: (total: number) => `Eval mode: all ${total} hidden units on, nothing scaled. This is the network that predicts.`,
    sample: (index: number, input: string, target: string) => `Training example #${index}: x = ${input}, target y = ${target}`,
    exampleLabel: 'Example shown',
    examplePrevious: 'Previous example',
    exampleNext: 'Next example',
    exampleOf: (size: number) => `of ${size} in the batch`,
    exampleInvalid: (size: number, current: number) =>
      `Enter a whole number from 1 to ${size}. Still showing example ${current}.`,
    exampleNote: 'Every example in a batch gets its own dropout mask: switch examples to see another thinned network trained by the same pass.',
    diagramLabel: 'Network diagram. Use the arrow keys to move between neurons; each one reads its activation.',
    inputName: (index: number) => `Input ${index}`,
    outputName: 'Output',
    hiddenName: (layer: number, unit: number) => `Layer ${layer}, unit ${unit}`,
    layerTitle: (layer: number, width: number) => `Layer ${layer} (${width})`,
    layerShort: (layer: number) => `L${layer}`,
    inputShort: 'In',
    outputShort: 'Out',
    inputTitle: 'Input',
    outputTitle: 'Output',
    neuronKept: (value: string, boost: string) => `kept in this pass: activation ${value} (scaled ×${boost})`,
    neuronDropped: 'dropped in this pass: its output is 0 and it gets no gradient',
    neuronEval: (value: string) => `activation ${value} (eval mode: on, not scaled)`,
    neuronPending: 'not reached yet by this forward pass',
    neuronInput: (value: string) => `value ${value}`,
    neuronOutput: (value: string) => `output of this pass ${value}`,
    neuronNoPass: 'no forward pass yet',
    legendKept: (boost: string) => `kept (scaled ×${boost}); brighter = larger activation`,
    legendDropped: 'dropped this pass (hollow, crossed)',
    legendEval: 'eval mode: all on, ×1',
    legendPending: 'not reached yet',
  },
  loss: {
    exports: {
      exportGroup: (chart: string) => `Download ${chart}`,
      downloadAs: (chart: string, format: string) => `Download ${chart} as ${format}`,
      svg: 'SVG',
      png: 'PNG',
      exportFailed: 'The picture could not be made in this browser. Try the other format.',
    },
    axisEpoch: 'Epoch',
    axisLoss: (task: string): string => (task === 'classification' ? 'Loss (cross-entropy)' : 'Loss (mean squared error)'),
    axisLossLog: (task: string): string => (task === 'classification' ? 'Loss (cross-entropy, log scale)' : 'Loss (MSE, log scale)'),
    lowest: 'lowest',
    gapMark: 'gap',
    legendLabel: 'Loss chart legend',
    series: {
      trainPlain: 'Train loss, no dropout',
      valPlain: 'Validation loss, no dropout',
      trainDropout: 'Train loss, with dropout (measured in eval mode)',
      valDropout: 'Validation loss, with dropout',
      trainDropoutOn: 'Train loss of the dropout model with dropout still on',
    },
    logScale: 'Logarithmic y axis',
    showTrainOn: 'Also show the train loss measured with dropout on',
    trainOnWhy:
      'This dotted line is the loss of the very pass that trained the dropout model, with about p of its hidden units switched off. A thinned network predicts worse than the whole one, so this loss sits well above the eval-mode train loss (roughly 1.4 times in the default run) and jumps from epoch to epoch because every pass draws new masks. Compare validation loss only with the eval-mode train loss.',
    chartLabel: 'Loss chart',
    summary: (epoch: number, valPlain: string, valDropout: string) =>
      `Epoch ${epoch}: validation loss ${valPlain} without dropout, ${valDropout} with dropout.`,
    empty: 'Press play to train both networks; their loss curves grow here.',
    readout: (epoch: number, trainPlain: string, valPlain: string, trainDropout: string, valDropout: string, trainOn: string) =>
      `Epoch ${epoch} — no dropout: train ${trainPlain}, validation ${valPlain}. With dropout: train ${trainDropout}, validation ${valDropout} (train with dropout on: ${trainOn}).`,
    keyboardHint: 'Hover over the chart, or focus it and press ← → (Shift for bigger steps, Home, End), to read exact values.',
    gap: (difference: string, percent: number, worse: 'plain' | 'dropout') =>
      `Gap between the validation losses (no dropout minus dropout): ${difference}, so ${worse === 'plain' ? 'the model without' : 'for now the model with'} dropout is ${percent}% worse on unseen data.`,
    best: (epochPlain: number, valPlain: string, epochDropout: number, valDropout: string) =>
      `Lowest validation loss, where early stopping would stop: no dropout ${valPlain} at epoch ${epochPlain}; dropout ${valDropout} at epoch ${epochDropout}.`,
    tableSummary: 'Loss values as a table',
    tableCaption: 'Loss of both models at evenly spaced epochs (the CSV file has every evaluation)',
    downloadCsv: 'Download the loss history as CSV',
  },
  shell: {
    teacher: 'Teacher',
    teacherTitle: 'Teacher layer: notes for this step, a QR code of the link, links that hide controls, and the mystery-p challenge',
    toolsLabel: 'Lab tools',
    chunkFailed: 'This part of the lab could not be downloaded (is the network down?). The rest of the page still works.',
    reload: 'Reload the page',
    present: 'Present',
    presentTitle: 'Projector mode: high contrast, large type, thick lines',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    reduceMotion: 'Less motion',
    reduceMotionTitle: 'Neurons change in steps (at most twice a second) instead of blinking and easing',
    shortcuts: 'Keys',
    shortcutsTitle: 'Keyboard shortcuts (?)',
    embed: 'Embed',
    embedTitle: 'Get the code to put this lab in a course page',
    status: (epoch: number, passes: number, running: boolean) =>
      `${running ? 'Training' : 'Paused'} · epoch ${epoch} · ${passes} forward ${passes === 1 ? 'pass' : 'passes'}`,
    statusFinished: (epoch: number, passes: number) => `Finished · epoch ${epoch} · ${passes} forward passes`,
    /** A finished run's result; the numbers arrive formatted. */
    runResult: (r: { plainMin: string; plainMinEpoch: number; plainFinal: string; finalEpoch: number; rise: string; gap: string; dropoutLower: boolean }) =>
      `Without dropout, the validation loss went from its minimum ${r.plainMin} (epoch ${r.plainMinEpoch}) to ${r.plainFinal} at epoch ${r.finalEpoch} (×${r.rise}). Final gap between the twins: ${r.gap}, ${r.dropoutLower ? 'lower with dropout' : 'higher with dropout'}.`,
    enlarge: (title: string) => `Enlarge “${title}”`,
    showAll: 'Show all panels',
    focusAnnouncement: (titles: string[]) =>
      `Showing only ${titles.map((title) => `“${title}”`).join(' and ')}. Press Escape to show all panels.`,
    allPanelsAnnouncement: 'Showing all panels.',
    closeDialog: 'Close',
  },
};

/** The shape every locale must fill. Literal strings widen to `string`, so translations may differ. */
export type Strings = typeof en;
