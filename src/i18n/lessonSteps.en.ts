/**
 * The English text of the lesson's later steps (every step after the first, keyed by the ids of
 * src/state/lesson/steps.ts), the reveals that quote their runs, and the measured experiments. Part of the
 * later parts' strings (parts.en.ts imports it): the first screen shows only the first step, whose text is in
 * lesson.en.ts. Its type is the contract for lessonSteps.zh-CN.ts.
 */
export const lessonStepsEn = {
  steps: {
    tenNumbers: {
      title: 'One layer, ten numbers',
      text: 'The article’s example: nn.Dropout(p=0.7) on x = [1, …, 10]. Each press draws a new mask. The histogram counts how many of the ten became 0 in each pass.',
      question: 'With p = 0.7, how many of the ten numbers are set to 0 on each forward pass?',
      choices: {
        exactly7: 'Exactly 7, every time',
        about7: 'About 7 on average, but it varies from pass to pass',
        about3: 'About 3, because 0.7 is the share that is kept',
      },
      explanation:
        'Each number is dropped on its own with probability 0.7, so the count of zeros follows Binomial(10, 0.7): 7 on average, often 6 or 8, sometimes all 10. In PyTorch p is the probability of dropping.',
      teacher: {
        goal: 'The count of dropped units is random: Binomial(N, p), not N·p.',
        ask: 'How often would all ten be dropped? Check the histogram against the diamonds.',
      },
    },
    scale: {
      title: 'Why 6.6667?',
      text: 'In the article’s printout the 2 became 6.6667 and the 8 became 26.6667. The table in “nn.Dropout, number by number” shows each element’s draw and what happened to it.',
      question: 'What does dropout do to a kept 2 while training, and what does eval() return?',
      choices: {
        inverted: '2 × 1/(1−0.7) = 6.6667 while training; eval() returns x unchanged',
        dividedByP: '2 / 0.7 = 2.857: kept values are divided by p',
        stillOn: '6.6667 while training, and eval() still drops 70% of the values',
        restored: '2 stays 2; the dropped weights are saved and put back after the update',
      },
      explanation:
        'PyTorch uses “inverted dropout”: kept values are multiplied by 1/(1−p), so the expected output equals the input, and eval() is the identity. Nothing is saved or restored: the next pass simply draws a new mask.',
      teacher: {
        goal: 'Inverted dropout scales the kept activations by 1/(1−p); eval() is the identity.',
        ask: 'Why must the kept values be scaled up while training, if nothing is scaled at test time?',
      },
    },
    perExample: {
      title: 'A network: one mask per example',
      text: 'Back to the network. A training batch holds 20 examples, and the hidden layer has 128 units. Step one pass at a time, then switch the example shown.',
      question: 'In one forward pass, do all 20 examples share one dropout mask?',
      choices: {
        shared: 'Yes: one mask per pass, the same for the whole batch',
        ownAboutHalf: 'No: each example draws its own mask, about 64 of 128 off (p = 0.5), varying',
        ownExactlyHalf: 'No, but each has exactly 64 of 128 units off',
      },
      explanation:
        'Every example of a batch goes through its own thinned network, drawn independently: about half of the hidden layer is off (p = 0.5), a different set for each example and each pass.',
      teacher: {
        goal: 'Masks are drawn per example and per pass: a batch trains many thinned networks at once.',
        ask: 'How many different thinned networks does one epoch of this batch train?',
      },
    },
    overfit: {
      title: 'Overfitting, without dropout',
      text: 'Watch the solid validation curve of the network without dropout on the loss curves, and its fit to the points on the fitted function.',
      question: 'As training goes on, what does the validation loss without dropout do?',
      choices: {
        keepsFalling: 'It keeps falling, like the train loss',
        minThenRise: 'It falls, reaches a minimum, then rises again',
        flat: 'It never falls: 20 points are too few to learn anything',
      },
      explanation:
        'The train loss keeps falling because the network memorises the noise of 20 points. The validation loss, measured on new points, falls only until the fit is as good as it gets, then rises: the network is overfitting.',
      teacher: {
        goal: 'Recognise overfitting: validation loss has a minimum, then rises while the train loss falls.',
        ask: 'Where would you stop training, and how would you know without the validation curve?',
      },
    },
    withDropout: {
      title: 'With dropout',
      text: 'Now compare the twin with dropout on the loss curves. The dotted line is its train loss measured with dropout on, as it is during training.',
      question: 'What happens with dropout, compared with the twin without it?',
      choices: {
        trainHigherValLower: 'Its train loss is higher, but its validation loss is lower',
        bothLower: 'Both its train and validation losses are lower',
        noisyIsVal: 'The noisy dropout-on train loss shows how it does on new points',
      },
      explanation:
        'Dropout fits the training points less closely, so its train loss is higher, and generalises better, so its validation loss is lower. The dropout-on train loss is measured on thinned networks, not on the network you use: compare the eval-mode curves.',
      teacher: {
        goal: 'Dropout trades train loss for validation loss; the dropout-on train loss is not comparable.',
        ask: 'Why is the loss measured with dropout on higher and noisier than the eval-mode one?',
      },
    },
    ensemble: {
      title: 'Many thinned networks, one network',
      text: 'Training samples thinned networks. The fitted function shows the eval network (every unit on) and, as a band, the average of many thinned networks (MC dropout). The network diagram shows one of them.',
      question: 'How does the average of many thinned networks compare with the one eval network?',
      choices: {
        close: 'Nearly the same curve: eval() is a cheap stand-in for the average',
        mustAverage: 'Very different: you must keep dropout on and average masks at test time',
        unrelated: 'Unrelated: the eval network restores the weights of before training',
      },
      explanation:
        'With kept values scaled by 1/(1−p), the eval network gives the average of all thinned networks in one pass. Here, where the dropped layer feeds the output directly, it is the exact average; with more layers it is a close approximation (Srivastava et al. 2014 found the two agree from about 50 masks on). That is why PyTorch switches dropout off in eval().',
      teacher: {
        goal: 'Weight scaling: one eval pass gives the average of the thinned networks, exactly with one dropped layer before the output, closely with more.',
        ask: 'Why not average 1,000 masks at test time instead?',
      },
    },
    chooseP: {
      title: 'Choosing p',
      text: 'The sweep trains the same scenario for p = 0, 0.1, …, 0.8 over a few seeds and plots the final validation loss. In PyTorch p is the drop probability; the original paper’s p is the keep probability.',
      question: 'Where will the lowest validation loss be?',
      choices: {
        largest: 'At the largest p: more dropout, less overfitting',
        middle: 'Somewhere in the middle: too little and too much both hurt',
        keepMeaning: 'At p = 0.8, since the paper recommends p = 0.5–0.8',
      },
      explanation:
        'Too little dropout leaves the overfitting; too much leaves the network too weak to fit the sine. The best p lies between. The paper’s 0.5–0.8 is a keep probability: PyTorch’s p = 0.2–0.5.',
      teacher: {
        goal: 'p is a hyperparameter with a broad optimum; read p’s meaning from the framework.',
        ask: 'Translate the paper’s keep probability 0.8 into PyTorch’s p.',
      },
    },
    moreData: {
      title: 'More data, less need',
      text: 'The same twins, now with 300 training points instead of 20. Switch between 10, 30, 100 and 300 points and watch the gap between the validation curves on the loss curves.',
      question: 'With 300 training points, what happens to dropout’s advantage?',
      choices: {
        sameGain: 'It stays as large as with 20 points',
        smallerGain: 'It shrinks: with plenty of data there is little overfitting to fight',
      },
      explanation:
        'Plenty of data is itself a regulariser: the network cannot memorise 300 points as easily as 20, so there is less overfitting for dropout to remove (Srivastava et al. 2014, Fig. 10; a toy problem does not reproduce MNIST’s numbers).',
      teacher: {
        goal: 'Dropout’s gain depends on the data: largest when data is scarce relative to the model.',
        ask: 'Why might dropout still cost something when data is plentiful?',
      },
    },
    uncertainty: {
      title: 'Uncertainty',
      text: 'Keep dropout on at prediction time and run many passes: the spread of the answers is a band on the fitted function (MC dropout). Here the training points leave a gap in the middle, and the network uses ReLU.',
      question: 'Where will the MC-dropout band be widest?',
      choices: {
        inGap: 'In the gap, where there are no training points',
        everywhere: 'Equally wide everywhere',
        atNoisyPoints: 'Where the training points are noisiest',
      },
      explanation:
        'Where the network has seen data, the thinned networks agree; in the gap, nothing pins them down, so they disagree and the band widens. With tanh this effect is weak: the preset uses ReLU, chosen by measurement.',
      teacher: {
        goal: 'MC dropout turns dropout into a rough measure of uncertainty.',
        ask: 'Is a wide band here a measure of the noise in the data, or of what the model does not know?',
      },
    },
    costs: {
      title: 'Costs, and what to remember',
      text: 'Dropout is not free. On the loss curves, the dropout-on train loss is noisy and slow to fall. Recap: each pass drops units at random, kept values are scaled by 1/(1−p), eval() turns dropout off.',
      question: 'Which of these is a real cost of dropout?',
      choices: {
        slowerNoisier: 'Training needs more epochs and its loss is noisier',
        keepOn: 'The trained network must keep dropout on when it is used',
        noCost: 'None: more dropout only ever helps',
      },
      explanation:
        'Dropout slows training and makes its loss noisy; it adds little with plenty of data or a model that underfits; and before a BatchNorm layer it shifts the activation variance between training and eval. Use it where a large model meets little data.',
      teacher: {
        goal: 'Summarise: when dropout helps, when it does not, and its costs.',
        ask: 'Name one situation where you would not use dropout.',
      },
    },
  },
  experiments: {
    run: 'Run the measured experiment',
    runAgain: 'Run it again',
    cost: (runs: number) => `${runs} training runs in background workers: about half a minute, longer on a busy computer.`,
    running: (done: number, total: number) => `Running: ${done} of ${total} runs done.`,
    failed: (message: string) => `The experiment stopped: ${message}`,
    ensembleCaption: (seeds: number) =>
      `Measured here: the default scenario trained with ${seeds} seeds; the average of K thinned networks against the one eval network, over the 200 validation points.`,
    colK: 'K (masks averaged)',
    colGap: 'Mean distance from the eval network',
    colRelative: 'Relative to K = 1',
    ensembleSummary: (gap1: string, gapLast: string, kLast: number) =>
      `The distance falls from ${gap1} for one thinned network to ${gapLast} for the average of ${kLast}: the eval network is what the average tends to.`,
    dataCaption: (seeds: number) =>
      `Measured here: both twins trained with ${seeds} seeds at each size; final validation losses (mean over seeds).`,
    colN: 'Training points',
    colPlain: 'No dropout',
    colDropout: 'Dropout',
    colGain: 'Gain',
    colWins: 'Seeds dropout wins',
    dataSummary: (gainSmall: string, nSmall: number, gainLarge: string, nLarge: number) =>
      `Dropout’s gain is ${gainSmall} with ${nSmall} points and ${gainLarge} with ${nLarge}. A toy problem, not MNIST: read the trend, not the digits.`,
  },
  reveals: {
    overfitWaiting: (bestVal: string, bestEpoch: number, epoch: number) =>
      `So far the lowest validation loss without dropout is ${bestVal}, at epoch ${bestEpoch}; your run is at epoch ${epoch}. Keep it playing to see whether it rises.`,
    overfitRise: (bestVal: string, bestEpoch: number, val: string, epoch: number, rise: string) =>
      `In your run the validation loss without dropout fell to ${bestVal} at epoch ${bestEpoch}, then rose to ${val} by epoch ${epoch}: ${rise}× its minimum.`,
    dropoutRun: (epoch: number, trainPlain: string, trainDropout: string, valPlain: string, valDropout: string, on: string, onRatio: string) =>
      `In your run at epoch ${epoch}: train loss ${trainPlain} without dropout, ${trainDropout} with (eval mode); validation loss ${valPlain} without, ${valDropout} with. The dropout-on train loss is ${on}, ${onRatio}× its eval-mode value.`,
    tensorTally: (passes: number, fewest: number, most: number, expected: number, atExpected: number, share: string, binomial: string) =>
      `In your ${passes} passes the number of zeros ranged from ${fewest} to ${most}; exactly ${expected} came up in ${atExpected} passes (${share}). Binomial(10, 0.7) predicts ${binomial}.`,
    tensorFewPasses: 'One pass tells little: draw 100 more passes and watch the histogram fill in.',
    tensorScale: (scale: string, x: string, output: string, dividedByP: string) =>
      `Computed here: 1/(1−0.7) = ${scale} in float32. The kept ${x} became ${output}; dividing by p would have given ${dividedByP}. Switch the module mode to eval() to see x come out unchanged.`,
    networkPass: (sample: number, dropped: string) =>
      `In the pass shown, example ${sample} has ${dropped} units off. Choose another example: same pass, a different mask.`,
    networkWaiting: 'Step one pass to draw the first masks; then compare two examples.',
    mcGap: (epoch: number, gap: string, spread: string) =>
      `In your run at epoch ${epoch}, the average of the thinned networks (the band’s middle) lies on average ${gap} from the eval network’s curve, while single thinned networks spread about ±${spread}.`,
    mcBand: (epoch: number, inGap: string, outside: string, ratio: string) =>
      `In your run at epoch ${epoch}, the band is ${inGap} wide in the gap and ${outside} where there are points: ${ratio}× wider in the gap.`,
    sweepWaiting: 'Run the sweep (about half a minute): the reveal then quotes its numbers.',
    sweep: (bestP: string, bestVal: string, zeroVal: string, maxP: string, maxVal: string) =>
      `In your sweep the lowest mean validation loss, ${bestVal}, came at p = ${bestP}; p = 0 gave ${zeroVal} and p = ${maxP} gave ${maxVal}.`,
    dataSize: (n: number, epoch: number, plain: string, dropout: string, gain: string) =>
      `In your run with ${n} training points at epoch ${epoch}: validation loss ${plain} without dropout, ${dropout} with: dropout lowers it by ${gain}.`,
  },
  /** Clearing every answer of this tab, from the last step and the teacher layer (ui/lesson/StartAgain.tsx). */
  startAgain: {
    button: 'Start the lesson again',
    ask: (answers: number) => `Clear ${answers === 1 ? 'the 1 answer' : `all ${answers} answers`} given in this tab and go back to step 1?`,
    confirm: 'Yes, start again',
    cancel: 'Keep my answers',
    done: 'The answers are cleared: the lesson starts again at step 1.',
  },
};
