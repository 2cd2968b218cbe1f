/**
 * The postMessage bridge between the lab in an iframe and the page that embeds it.
 *
 * To the parent: `{ source: 'dropout-lab', type: 'ready' | 'resize' | 'state' | 'lesson' | 'error', … }`.
 * From the parent: `{ target: 'dropout-lab', type: 'play' | 'pause' | 'reset' | 'set', … }`.
 *
 * Trust rules (why they are what they are):
 * - Commands are obeyed only when they come from the parent window AND from the origin named in `?parent=`
 *   (or from the lab's own origin). Anything else, and every malformed message, is dropped silently: a page
 *   that embeds the lab must not be able to fill the console or crash it with junk.
 * - Messages to the parent use the named origin as targetOrigin. When no origin is named and the parent is
 *   not same-origin, only `ready` and `resize` go out with '*': they say nothing but "I exist" and a height,
 *   which every host needs for auto-height. `state`, `lesson` and `error` describe the student's session, so
 *   they are sent only to an origin the host named.
 * - A failed postMessage (a closed or navigated parent) changes nothing.
 *
 * The actions and the window are injected, so this file runs in Node unit tests.
 */
import { legacyNetworkView, parseSetting, URL_KEYS, URL_SCHEMA, type UrlSettings } from './urlSchema';
import { useStore, type AppNotice } from './store';
import { LESSON_STEPS, LESSON_STEP_COUNT } from './lesson/steps';
import { answerVerdict, useLessonProgress, type AnswerVerdict } from './lesson/progress';

export const BRIDGE_SOURCE = 'dropout-lab';
export const PROTOCOL_VERSION = 1;
/** `state` messages go out at most this often. */
export const STATE_INTERVAL_MS = 1000;
/**
 * The settings a host may change: an allow-list, read from the registry (`hostWritable`). A new setting is
 * closed to hosts until its entry says otherwise; `parent` and `embed`, which decide whom the lab trusts and how
 * it is framed, never are.
 */
export const HOST_WRITABLE_KEYS: readonly (keyof UrlSettings)[] = URL_KEYS.filter((key) => URL_SCHEMA[key].hostWritable === true);
const MAX_SET_KEYS = 32;

export interface BridgeActions {
  play(): void;
  pause(): void;
  reset(): void;
  applySettings(change: Partial<UrlSettings>): void;
}

export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void; location?: { origin?: string } };
  location: { origin: string; ancestorOrigins?: { readonly length: number; readonly [index: number]: string } };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export type HostCommand =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'reset' }
  | { type: 'set'; settings: Record<string, string> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Reads a message from the host; null for anything that is not exactly a command of the protocol. */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (!isPlainObject(data) || data.target !== BRIDGE_SOURCE) return null;
  if (data.type === 'play' || data.type === 'pause' || data.type === 'reset') return { type: data.type };
  if (data.type !== 'set' || !isPlainObject(data.settings)) return null;
  const entries = Object.entries(data.settings);
  if (entries.length === 0 || entries.length > MAX_SET_KEYS) return null;
  const settings: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value === 'string') settings[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) settings[name] = String(value);
    else if (typeof value === 'boolean') settings[name] = value ? '1' : '0';
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      settings[name] = value.join(',');
    } else return null;
  }
  return { type: 'set', settings };
}

/**
 * Validates a `set` command's settings by their URL names, exactly as the URL parser would, keeping only those on
 * `allowed` (the registry's host-writable settings; a parameter for tests).
 */
export function validateHostSettings(raw: Record<string, string>, allowed: readonly (keyof UrlSettings)[] = HOST_WRITABLE_KEYS): {
  change: Partial<UrlSettings>;
  rejected: { param: string; reason: string }[];
} {
  const change: Record<string, unknown> = {};
  const rejected: { param: string; reason: string }[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const key = URL_KEYS.find((candidate) => candidate === name);
    if (!key || !allowed.includes(key)) {
      rejected.push({ param: name.slice(0, 60), reason: key ? 'notAllowed' : 'unknownParameter' });
      continue;
    }
    const parsed = parseSetting(key, value);
    if (parsed.ok) change[key] = parsed.value;
    else rejected.push({ param: key, reason: parsed.notice.reason });
  }
  // A host written before the Lesson existed sends `view: 'eval'` for the network view, as its links did.
  const legacy = 'view' in change ? legacyNetworkView(raw.view, 'netview' in raw) : null;
  if (legacy && allowed.includes('netview')) change.netview = legacy;
  return { change: change as Partial<UrlSettings>, rejected };
}

/** The lab's state as the host sees it: numbers straight from the store (the worker computed them). */
export function stateMessage() {
  const { training, settings } = useStore.getState();
  const last = training.history.points.at(-1);
  return {
    source: BRIDGE_SOURCE,
    type: 'state' as const,
    epoch: training.epoch,
    forwardPasses: training.forwardPasses,
    running: training.running,
    p: settings.p,
    losses: last ? { epoch: last.epoch, plain: { ...last.plain }, dropout: { ...last.dropout } } : null,
  };
}

/** How a step's question was answered, as a course page may record it. */
export interface LessonAnswerReport {
  /** The step's number (1-based) and its stable id. */
  step: number;
  id: string;
  answer: AnswerVerdict;
  /** The choice's stable id, when one was chosen. */
  choice?: string;
}

/**
 * Where the student is in the Lesson, and what they answered (in this tab): for a course page that records
 * progress. Null outside the Lesson.
 */
export function lessonMessage() {
  const { settings } = useStore.getState();
  if (settings.view !== 'lesson') return null;
  const { answers } = useLessonProgress.getState();
  const reports: LessonAnswerReport[] = [];
  LESSON_STEPS.forEach((step, index) => {
    const answer = answers[step.id];
    if (!answer) return;
    const report: LessonAnswerReport = { step: index + 1, id: step.id, answer: answerVerdict(step, answer) };
    reports.push(answer.kind === 'chosen' ? { ...report, choice: answer.choice } : report);
  });
  return { source: BRIDGE_SOURCE, type: 'lesson' as const, step: settings.step, steps: LESSON_STEP_COUNT, answers: reports };
}

export interface BridgeOptions {
  win: BridgeWindow;
  actions: BridgeActions;
  /** The origin named in `?parent=`, if any. */
  parentOrigin: string | undefined;
  /** Calls back with the content height in CSS px whenever it changes; returns a stop function. */
  observeHeight(report: (height: number) => void): () => void;
}

/** The origin of a same-origin parent, or null when the parent is cross-origin (reading it throws). */
function sameOriginParent(win: BridgeWindow): string | null {
  try {
    const origin = win.parent.location?.origin;
    return origin === win.location.origin ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Where messages may go. The origin the host named is used only if the real parent has it (Chromium and Safari
 * tell us through location.ancestorOrigins): posting to a mismatched origin would log an error every second.
 */
export function trustedTargetOrigin(win: BridgeWindow, parentOrigin: string | undefined): string | null {
  const named = parentOrigin ?? sameOriginParent(win);
  const ancestors = win.location.ancestorOrigins;
  const actual = ancestors && ancestors.length > 0 ? ancestors[0] : null;
  return named !== null && (actual === null || actual === named) ? named : null;
}

/** Starts the bridge; returns a function that stops it (removes listeners, observers and timers). */
export function startEmbedBridge({ win, actions, parentOrigin, observeHeight }: BridgeOptions): () => void {
  const trustedTarget = trustedTargetOrigin(win, parentOrigin);

  const send = (message: { type: string } & Record<string, unknown>) => {
    const publicMessage = message.type === 'ready' || message.type === 'resize';
    const targetOrigin = trustedTarget ?? (publicMessage ? '*' : null);
    if (targetOrigin === null) return;
    try {
      win.parent.postMessage({ ...message, source: BRIDGE_SOURCE }, targetOrigin);
    } catch {
      // The parent went away or refused the message: the lab runs on regardless.
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== (win.parent as unknown)) return;
    if (event.origin !== win.location.origin && event.origin !== parentOrigin) return;
    const command = parseHostCommand(event.data);
    if (!command) return;
    if (command.type === 'play') actions.play();
    else if (command.type === 'pause') actions.pause();
    else if (command.type === 'reset') actions.reset();
    else {
      const { change, rejected } = validateHostSettings(command.settings);
      if (Object.keys(change).length > 0) actions.applySettings(change);
      if (rejected.length > 0) send({ type: 'error', code: 'invalidSetting', rejected });
    }
  };
  win.addEventListener('message', onMessage);

  send({ type: 'ready', version: PROTOCOL_VERSION });

  let lastHeight = -1;
  const stopObserving = observeHeight((height) => {
    const rounded = Math.ceil(height);
    if (rounded === lastHeight) return;
    lastHeight = rounded;
    send({ type: 'resize', height: rounded });
  });

  // `state` at most once per STATE_INTERVAL_MS, and always the latest values when it does go out.
  let lastStateAt = -Infinity;
  let stateTimer: ReturnType<typeof setTimeout> | null = null;
  const flushState = () => {
    stateTimer = null;
    lastStateAt = Date.now();
    send(stateMessage());
  };
  const scheduleState = () => {
    if (stateTimer !== null) return;
    const wait = Math.max(0, lastStateAt + STATE_INTERVAL_MS - Date.now());
    stateTimer = setTimeout(flushState, wait);
  };

  const reportedErrors = new Set<number>();
  const reportErrors = (notices: AppNotice[]) => {
    for (const notice of notices) {
      if (notice.kind !== 'error' || reportedErrors.has(notice.id)) continue;
      reportedErrors.add(notice.id);
      const code = notice.message.code === 'text' ? notice.message.id : notice.message.code;
      send({ type: 'error', code });
    }
  };

  const unsubscribe = useStore.subscribe((state, previous) => {
    if (
      state.training !== previous.training &&
      (state.training.epoch !== previous.training.epoch ||
        state.training.running !== previous.training.running ||
        state.training.history !== previous.training.history)
    ) {
      scheduleState();
    } else if (state.settings.p !== previous.settings.p) scheduleState();
    if (state.notices !== previous.notices) reportErrors(state.notices);
  });

  flushState();

  // `lesson` whenever the step, the screen or an answer changes (a few times a minute at most), and at start.
  const sendLesson = () => {
    const message = lessonMessage();
    if (message) send(message);
  };
  const unsubscribeLessonScreen = useStore.subscribe((state, previous) => {
    if (state.settings.step !== previous.settings.step || state.settings.view !== previous.settings.view) sendLesson();
  });
  const unsubscribeAnswers = useLessonProgress.subscribe((state, previous) => {
    if (state.answers !== previous.answers) sendLesson();
  });
  sendLesson();

  return () => {
    win.removeEventListener('message', onMessage);
    stopObserving();
    unsubscribe();
    unsubscribeLessonScreen();
    unsubscribeAnswers();
    if (stateTimer !== null) clearTimeout(stateTimer);
  };
}

/** Reports the height of the document's content (not the viewport, which would only ever grow). */
export function observeDocumentHeight(report: (height: number) => void): () => void {
  const body = document.body;
  const measure = () => report(body.getBoundingClientRect().height);
  if (typeof ResizeObserver !== 'function') {
    measure();
    return () => {};
  }
  const observer = new ResizeObserver(measure);
  observer.observe(body);
  return () => observer.disconnect();
}
