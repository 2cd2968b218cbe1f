/**
 * English strings. This object's type is the contract for every other locale (see zh-CN.ts), so a missing
 * translation is a compile error. Each panel owns one section; functions take the numbers they show.
 */
export const en = {
  locale: 'en',
  app: {
    title: 'Dropout Lab',
    tagline: 'Watch dropout switch neurons off, and see it fight overfitting.',
    languageLabel: 'Language',
    skipToContent: 'Skip to the lab',
    loading: 'Loading…',
  },
  panels: {
    tensor: 'nn.Dropout, number by number',
    network: 'The living network',
    loss: 'Loss curves',
    fit: 'The fitted function',
  },
  notices: {
    dismiss: 'Dismiss',
    ignoredParam: (name: string, value: string, reason: string) =>
      `Ignored URL parameter “${name}=${value}”: ${reason}. Using the default instead.`,
  },
  tensor: {},
  network: {},
  loss: {},
  fit: {},
  settings: {},
  sweep: {},
  explain: {},
  shell: {},
  help: {},
  embed: {},
};

/** The shape every locale must fill. Literal strings widen to `string`, so translations may differ. */
export type Strings = typeof en;
