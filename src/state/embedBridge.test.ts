import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_WRITABLE_KEYS, parseHostCommand, startEmbedBridge, validateHostSettings, type BridgeWindow } from './embedBridge';
import { initialTraining, useStore } from './store';
import { defaultUrlSettings, URL_KEYS, URL_SCHEMA } from './urlSchema';
import { clearAllAnswers, commitAnswer } from './lesson/progress';
import { LESSON_STEPS } from './lesson/steps';

interface Sent {
  message: { source: string; type: string } & Record<string, unknown>;
  targetOrigin: string;
}

function fakeWindow(options: { ancestor?: string } = {}) {
  const sent: Sent[] = [];
  const listeners: ((event: MessageEvent) => void)[] = [];
  const parent = {
    postMessage: (message: unknown, targetOrigin: string) => sent.push({ message: message as Sent['message'], targetOrigin }),
  };
  const win: BridgeWindow = {
    parent,
    location: { origin: 'https://lab.example', ancestorOrigins: options.ancestor ? [options.ancestor] : undefined },
    addEventListener: (_type, listener) => listeners.push(listener),
    removeEventListener: (_type, listener) => listeners.splice(listeners.indexOf(listener), 1),
  };
  const deliver = (data: unknown, origin: string, source: unknown = parent) =>
    listeners.forEach((listener) => listener({ data, origin, source } as MessageEvent));
  return { win, sent, deliver, listeners };
}

function actions() {
  return { play: vi.fn(), pause: vi.fn(), reset: vi.fn(), applySettings: vi.fn() };
}

beforeEach(() => {
  vi.useFakeTimers();
  useStore.setState({ settings: defaultUrlSettings(), training: initialTraining(), notices: [] });
  clearAllAnswers();
});
afterEach(() => vi.useRealTimers());

describe('reading host commands', () => {
  it('accepts exactly the protocol and nothing else', () => {
    expect(parseHostCommand({ target: 'dropout-lab', type: 'play' })).toEqual({ type: 'play' });
    expect(parseHostCommand({ target: 'dropout-lab', type: 'set', settings: { p: 0.5, gap: true, layers: [8, 8] } })).toEqual({
      type: 'set',
      settings: { p: '0.5', gap: '1', layers: '8,8' },
    });
    for (const junk of [null, 'play', 42, [], { type: 'play' }, { target: 'other', type: 'play' }, { target: 'dropout-lab', type: 'eval' },
      { target: 'dropout-lab', type: 'set' }, { target: 'dropout-lab', type: 'set', settings: { p: { nested: 1 } } },
      { target: 'dropout-lab', type: 'set', settings: {} }, { target: 'dropout-lab', type: 'set', settings: { p: NaN } }]) {
      expect(parseHostCommand(junk)).toBeNull();
    }
  });

  it("a host's legacy view: 'eval' opens the Lab with the network in eval mode, as the old links do", () => {
    expect(validateHostSettings({ view: 'eval' }).change).toEqual({ view: 'lab', netview: 'eval' });
    expect(validateHostSettings({ view: 'train', netview: 'eval' }).change).toEqual({ view: 'lab', netview: 'eval' });
    expect(validateHostSettings({ view: 'lesson' }).change).toEqual({ view: 'lesson' });
    // Where the network view is not host-writable, the legacy value cannot reach it.
    expect(validateHostSettings({ view: 'eval' }, ['view']).change).toEqual({ view: 'lab' });
  });

  it('validates settings by their URL names and never lets a host change whom the lab trusts', () => {
    const { change, rejected } = validateHostSettings({ p: '0.45', seed: '-3', parent: 'https://evil.example', bogus: '1' });
    expect(change).toEqual({ p: 0.45 });
    expect(rejected).toEqual([
      { param: 'seed', reason: 'outOfRange' },
      { param: 'parent', reason: 'notAllowed' },
      { param: 'bogus', reason: 'unknownParameter' },
    ]);
  });
});

describe('what a host may set: an allow-list', () => {
  it('is exactly the registry entries marked host-writable, and never parent or embed', () => {
    expect([...HOST_WRITABLE_KEYS]).toEqual(URL_KEYS.filter((key) => URL_SCHEMA[key].hostWritable === true));
    expect(HOST_WRITABLE_KEYS).not.toContain('parent');
    expect(HOST_WRITABLE_KEYS).not.toContain('embed');
    expect(URL_SCHEMA.parent.hostWritable).toBeUndefined();
    expect(URL_SCHEMA.embed.hostWritable).toBeUndefined();
  });

  it('refuses every valid value of every setting that is not on it, and accepts those that are', () => {
    for (const key of URL_KEYS) {
      const sample = URL_SCHEMA[key].sample;
      const writable = HOST_WRITABLE_KEYS.includes(key);
      const { change, rejected } = validateHostSettings({ [key]: sample });
      if (writable) {
        expect(rejected, key).toEqual([]);
        expect(Object.keys(change), key).toEqual([key]);
      } else {
        expect(change, key).toEqual({});
        expect(rejected, key).toEqual([{ param: key, reason: 'notAllowed' }]);
      }
    }
  });

  it('a setting not marked host-writable is closed, even when its value is valid (a new entry starts closed)', () => {
    // As if `p` had been added without `hostWritable`: the allow-list without it refuses it.
    const withoutP = HOST_WRITABLE_KEYS.filter((key) => key !== 'p');
    expect(validateHostSettings({ p: '0.5', seed: '7' }, withoutP)).toEqual({
      change: { seed: 7 },
      rejected: [{ param: 'p', reason: 'notAllowed' }],
    });
  });
});

describe('the bridge in a frame', () => {
  it('obeys the named origin, and ignores other origins, other windows and junk', () => {
    const fake = fakeWindow();
    const act = actions();
    const stop = startEmbedBridge({ win: fake.win, actions: act, parentOrigin: 'https://host.example', observeHeight: () => () => {} });
    fake.deliver({ target: 'dropout-lab', type: 'play' }, 'https://evil.example');
    fake.deliver({ target: 'dropout-lab', type: 'play' }, 'https://host.example', {});
    fake.deliver('play', 'https://host.example');
    expect(act.play).not.toHaveBeenCalled();
    fake.deliver({ target: 'dropout-lab', type: 'play' }, 'https://host.example');
    fake.deliver({ target: 'dropout-lab', type: 'pause' }, 'https://lab.example');
    expect(act.play).toHaveBeenCalledTimes(1);
    expect(act.pause).toHaveBeenCalledTimes(1);
    fake.deliver({ target: 'dropout-lab', type: 'set', settings: { p: 0.5, n: 'many' } }, 'https://host.example');
    expect(act.applySettings).toHaveBeenCalledWith({ p: 0.5 });
    expect(fake.sent.at(-1)?.message).toMatchObject({ type: 'error', code: 'invalidSetting', rejected: [{ param: 'n', reason: 'notANumber' }] });
    stop();
    expect(fake.listeners).toHaveLength(0);
  });

  it('sends ready and resize to the named origin, and state at most once a second', () => {
    const fake = fakeWindow({ ancestor: 'https://host.example' });
    let report: (height: number) => void = () => {};
    const stop = startEmbedBridge({
      win: fake.win, actions: actions(), parentOrigin: 'https://host.example',
      observeHeight: (callback) => { report = callback; return () => {}; },
    });
    report(812.4);
    report(812.9); // same CSS height once rounded up: no second message
    report(900);
    expect(fake.sent.map((sent) => sent.message.type)).toEqual(['ready', 'state', 'resize', 'resize']);
    expect(fake.sent.every((sent) => sent.targetOrigin === 'https://host.example')).toBe(true);
    expect(fake.sent[2].message.height).toBe(813);
    for (let epoch = 1; epoch <= 20; epoch++) {
      useStore.setState((state) => ({ training: { ...state.training, epoch } }));
      vi.advanceTimersByTime(100);
    }
    const states = fake.sent.filter((sent) => sent.message.type === 'state');
    expect(states).toHaveLength(3); // the first at start, then one per second over two seconds
    expect(states.at(-1)?.message.epoch).toBe(20);
    stop();
  });

  it('without a named origin, announces only ready and resize, to any host', () => {
    const fake = fakeWindow({ ancestor: 'https://unknown.example' });
    let report: (height: number) => void = () => {};
    const stop = startEmbedBridge({
      win: fake.win, actions: actions(), parentOrigin: undefined,
      observeHeight: (callback) => { report = callback; return () => {}; },
    });
    report(500);
    useStore.setState((state) => ({ training: { ...state.training, epoch: 5 } }));
    vi.advanceTimersByTime(2000);
    expect(fake.sent.map((sent) => [sent.message.type, sent.targetOrigin])).toEqual([['ready', '*'], ['resize', '*']]);
    stop();
  });

  it('a parent that throws on postMessage changes nothing', () => {
    const fake = fakeWindow();
    fake.win.parent.postMessage = () => {
      throw new Error('gone');
    };
    expect(() => startEmbedBridge({ win: fake.win, actions: actions(), parentOrigin: 'https://host.example', observeHeight: () => () => {} })()).not.toThrow();
  });

  it("sends the lesson's step and answers to the named origin as they change, and never to an unnamed host", () => {
    const [hook, second] = LESSON_STEPS;
    const right = hook.question!.choices.find((choice) => choice.correct)!.id;
    const lessons = (sent: Sent[]) => sent.filter((entry) => entry.message.type === 'lesson');
    useStore.setState((state) => ({ settings: { ...state.settings, view: 'lesson', step: 1 } }));

    const unnamed = fakeWindow({ ancestor: 'https://unknown.example' });
    const stopUnnamed = startEmbedBridge({ win: unnamed.win, actions: actions(), parentOrigin: undefined, observeHeight: () => () => {} });
    const named = fakeWindow({ ancestor: 'https://host.example' });
    const stop = startEmbedBridge({ win: named.win, actions: actions(), parentOrigin: 'https://host.example', observeHeight: () => () => {} });
    expect(lessons(named.sent).at(-1)?.message).toEqual({ source: 'dropout-lab', type: 'lesson', step: 1, steps: LESSON_STEPS.length, answers: [] });

    commitAnswer(hook.id, { kind: 'chosen', choice: right });
    useStore.setState((state) => ({ settings: { ...state.settings, step: 2 } }));
    commitAnswer(second.id, { kind: 'skipped' });
    const last = lessons(named.sent).at(-1)!;
    expect(last.targetOrigin).toBe('https://host.example');
    expect(last.message).toMatchObject({
      step: 2,
      answers: [
        { step: 1, id: hook.id, answer: 'right', choice: right },
        { step: 2, id: second.id, answer: 'skipped' },
      ],
    });
    expect(lessons(named.sent)).toHaveLength(4); // at start, the answer, the step, the skip

    // A wrong choice is reported as such; the Lab sends no lesson messages.
    const wrong = hook.question!.choices.find((choice) => !choice.correct)!.id;
    commitAnswer(hook.id, { kind: 'chosen', choice: wrong });
    expect(lessons(named.sent).at(-1)?.message.answers).toContainEqual({ step: 1, id: hook.id, answer: 'wrong', choice: wrong });
    useStore.setState((state) => ({ settings: { ...state.settings, view: 'lab' } }));
    commitAnswer(second.id, { kind: 'chosen', choice: second.question!.choices[0].id });
    expect(lessons(named.sent)).toHaveLength(5);

    expect(lessons(unnamed.sent)).toEqual([]);
    stop();
    stopUnnamed();
  });
});
