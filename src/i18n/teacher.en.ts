/**
 * The teacher layer's English text (src/ui/teacher) and the mystery-p tensor lab's. Part of the strings of the
 * parts that load later (parts.en.ts imports it), so its type is the contract for teacher.zh-CN.ts. The header's
 * Teacher button is on the first screen, so its two strings are in en.ts (`shell.teacher`). The step notes
 * themselves live with each step in lesson.en.ts (`steps.<id>.teacher`).
 *
 * No text here may contain a number that could be a mystery p (0.05 … 0.95): the page must not show p's digits
 * before the reveal, not even by chance.
 */
export const teacherEn = {
  panelTitle: 'Teacher',
  notesHeading: (step: number) => `Notes for step ${step}`,
  notesInLab: 'The notes follow the Lesson’s steps; open the Lesson to see them.',
  minutesLabel: 'Time',
  qrHeading: 'Students open this link',
  qrLabel: 'QR code of the link shown beside it',
  qrHint: 'It opens this page with these settings, on a phone, without the teacher layer.',
  localHostWarning:
    'This page runs from this computer (localhost), so phones cannot open the link. Open the lab from its web address (or this computer’s network address) to share it.',
  showLarge: 'Show QR large',
  largeTitle: 'Scan with a phone to open this page',
  close: 'Close',
  copyLink: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'Could not copy: select the link and copy it by hand.',
  hideHeading: 'Hide controls in the link',
  hideIntro: 'Ticked controls are left out of the page the link opens (removed, not just invisible).',
  hideLabels: {
    screens: 'Lesson / Lab switch',
    language: 'Language picker',
    present: 'Present button',
    teacher: 'Teacher button',
    settings: 'Settings form',
    seed: 'Seed field',
    p: 'Dropout p slider',
    speed: 'Speed buttons',
    tensorControls: 'Tensor lab controls',
    sweep: 'p-sweep',
  },
  mysteryHeading: 'Mystery p',
  mysteryIntro:
    'The tensor lab hides its drop probability; students estimate it from how many numbers become 0. The link carries p as a code, not as digits.',
  mysteryStart: 'Start a mystery p',
  mysteryNew: 'New mystery p',
  mysteryEnd: 'End the challenge',
  mysteryOn: 'A challenge is on: p is hidden on this page and in the link until you reveal it.',
  reveal: 'Reveal p',
  revealed: (p: string) => `The hidden p is ${p}.`,
  mystery: {
    heading: 'Mystery p: estimate the drop probability',
    intro: 'This nn.Dropout has a hidden p. Run forward passes, count the zeros, and estimate p.',
    codeLabel: 'The code (p is hidden)',
    scaleUnknown: 'Kept numbers are multiplied by s = 1/(1 − p), also hidden.',
    outputLabel: 'Output of the last pass (x·s where kept)',
    passStatus: (pass: number, zeros: number, n: number) => `Pass ${pass}: ${zeros} of ${n} numbers are 0.`,
    controlsLabel: 'Forward passes',
    forward: (count: number) => (count === 1 ? 'Forward 1 pass' : `Forward ${count} passes`),
    newMasks: 'New masks',
    newMasksTitle: 'Start again with a new random seed: another sequence of masks, the same hidden p',
    totals: (zeros: number, numbers: number, passes: number) =>
      `So far: ${zeros} zeros among ${numbers} numbers, in ${passes} ${passes === 1 ? 'pass' : 'passes'}.`,
    tallyHeading: 'Passes by number of zeros',
    tallyColumns: { zeros: 'Zeros in a pass', passes: 'Passes' },
    estimateLabel: 'Your estimate of p',
    estimateHint: 'A number between 0 and 1. Hint: zeros ÷ numbers.',
    check: 'Check',
    invalid: 'Enter a number between 0 and 1.',
    verdicts: {
      veryClose: 'Very close: within ±0.02 of the hidden p.',
      close: 'Close: within ±0.04 of the hidden p.',
      far: 'Not yet: more than ±0.04 away. More passes make the estimate steadier.',
    },
    showP: 'Show p',
    revealed: (p: string, scale: string) => `The hidden p is ${p}, so s = 1/(1 − p) = ${scale}.`,
    badToken:
      'This mystery-p link is damaged (its code does not check out), so the tensor lab shows its usual p. Ask for the link again.',
  },
};
