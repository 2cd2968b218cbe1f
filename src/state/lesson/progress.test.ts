/**
 * The lesson's answers survive a reload of the tab (sessionStorage), and nothing in that storage can put an answer
 * on the page that the lesson does not ask, or stop a student from answering.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSON_STEPS } from './steps';
import { ANSWERS_STORAGE_KEY, answersFromStorage } from './progress';

/** A stand-in for the tab's sessionStorage, which Node does not have. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** The progress module as a new page load finds it: a fresh copy that reads the storage at creation. */
async function loadPage(): Promise<typeof import('./progress')> {
  vi.resetModules();
  return import('./progress');
}

const [first, second] = LESSON_STEPS;
const firstChoice = first.question!.choices[0].id;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('answersFromStorage', () => {
  it('keeps a chosen answer and a skip for steps the lesson asks', () => {
    expect(answersFromStorage({ [first.id]: { kind: 'chosen', choice: firstChoice }, [second.id]: { kind: 'skipped' } })).toEqual({
      [first.id]: { kind: 'chosen', choice: firstChoice },
      [second.id]: { kind: 'skipped' },
    });
  });

  it('leaves out unknown steps, choices a step does not offer, and anything that is not an answer', () => {
    const stored = {
      noSuchStep: { kind: 'skipped' },
      [first.id]: { kind: 'chosen', choice: 'noSuchChoice' },
      [second.id]: { kind: 'guessed' },
    };
    expect(answersFromStorage(stored)).toEqual({});
    // Only the stored object's own keys: an answer on its prototype is not the student's.
    expect(answersFromStorage(Object.create({ [second.id]: { kind: 'skipped' } }))).toEqual({});
    expect(answersFromStorage({ [first.id]: null, [second.id]: 'skipped' })).toEqual({});
    for (const value of [undefined, null, 42, 'answers', [{ kind: 'skipped' }]]) expect(answersFromStorage(value)).toEqual({});
  });

  it('drops the extra fields of a stored answer', () => {
    expect(answersFromStorage({ [second.id]: { kind: 'skipped', choice: firstChoice, extra: 1 } })).toEqual({ [second.id]: { kind: 'skipped' } });
  });
});

describe('answers across a reload', () => {
  it('a committed answer and a skip are there after a reload, and an answer taken back is gone', async () => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    const before = await loadPage();
    before.commitAnswer(first.id, { kind: 'chosen', choice: firstChoice });
    before.commitAnswer(second.id, { kind: 'skipped' });

    const after = await loadPage();
    expect(after.useLessonProgress.getState().answers).toEqual({
      [first.id]: { kind: 'chosen', choice: firstChoice },
      [second.id]: { kind: 'skipped' },
    });
    after.clearAnswer(first.id);

    const third = await loadPage();
    expect(third.useLessonProgress.getState().answers).toEqual({ [second.id]: { kind: 'skipped' } });
  });

  it('clearing every answer clears them for the next reload too', async () => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    const page = await loadPage();
    page.commitAnswer(first.id, { kind: 'skipped' });
    page.commitAnswer(second.id, { kind: 'skipped' });
    page.clearAllAnswers();
    expect(page.useLessonProgress.getState().answers).toEqual({});
    expect((await loadPage()).useLessonProgress.getState().answers).toEqual({});
  });

  it('keeps only the answers: the reader seed comes from the link each time', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('sessionStorage', storage);
    const page = await loadPage();
    page.useLessonProgress.setState({ readerSeed: 7 });
    page.commitAnswer(first.id, { kind: 'skipped' });
    expect(JSON.parse(storage.getItem(ANSWERS_STORAGE_KEY)!).state).toEqual({ answers: { [first.id]: { kind: 'skipped' } } });
    expect((await loadPage()).useLessonProgress.getState().readerSeed).toBe(0);
  });

  it('starts afresh from storage that is not JSON, has another version, or holds answers the lesson does not ask', async () => {
    const stored = [
      '{not json',
      JSON.stringify({ state: { answers: { [second.id]: { kind: 'skipped' } } }, version: 99 }),
      JSON.stringify({ state: { answers: { [first.id]: { kind: 'chosen', choice: 'noSuchChoice' } } }, version: 1 }),
      JSON.stringify({ state: null, version: 1 }),
    ];
    for (const value of stored) {
      vi.stubGlobal('sessionStorage', memoryStorage({ [ANSWERS_STORAGE_KEY]: value }));
      const page = await loadPage();
      expect(page.useLessonProgress.getState().answers, value).toEqual({});
      // And answering works as ever.
      page.commitAnswer(second.id, { kind: 'skipped' });
      expect(page.useLessonProgress.getState().answers, value).toEqual({ [second.id]: { kind: 'skipped' } });
    }
  });

  it('answers in memory where the page is refused storage or the storage is full', async () => {
    const refused = (): never => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    for (const storage of [{ getItem: refused, setItem: refused, removeItem: refused }, full]) {
      vi.stubGlobal('sessionStorage', storage);
      const page = await loadPage();
      expect(page.useLessonProgress.getState().answers).toEqual({});
      expect(() => page.commitAnswer(first.id, { kind: 'skipped' })).not.toThrow();
      expect(page.useLessonProgress.getState().answers).toEqual({ [first.id]: { kind: 'skipped' } });
      expect(() => page.clearAnswer(first.id)).not.toThrow();
      expect(page.useLessonProgress.getState().answers).toEqual({});
    }
  });

  it('answers in memory where reading sessionStorage itself throws (a frame refused storage)', async () => {
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const page = await loadPage();
      page.commitAnswer(first.id, { kind: 'skipped' });
      expect(page.useLessonProgress.getState().answers).toEqual({ [first.id]: { kind: 'skipped' } });
    } finally {
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    }
  });

  it("takes in the answers another frame of the tab wrote, and only when the lesson's key changed", async () => {
    const storage = memoryStorage();
    vi.stubGlobal('sessionStorage', storage);
    const page = await loadPage();
    const listeners: ((event: StorageEvent) => void)[] = [];
    const target = {
      addEventListener: (_type: string, listener: (event: StorageEvent) => void) => listeners.push(listener),
      removeEventListener: (_type: string, listener: (event: StorageEvent) => void) => listeners.splice(listeners.indexOf(listener), 1),
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const stop = page.followAnswersOfOtherFrames(target);
    page.commitAnswer(first.id, { kind: 'skipped' });
    // Another frame writes the tab's answers: it took the first back ("Answer again") and skipped the second. The
    // storage is the tab's one copy, so this frame takes them as they are, taken-back answer included.
    storage.setItem(ANSWERS_STORAGE_KEY, JSON.stringify({ state: { answers: { [second.id]: { kind: 'skipped' } } }, version: 1 }));
    listeners.forEach((listener) => listener({ key: 'something-else' } as StorageEvent));
    expect(page.useLessonProgress.getState().answers).toEqual({ [first.id]: { kind: 'skipped' } });
    listeners.forEach((listener) => listener({ key: ANSWERS_STORAGE_KEY } as StorageEvent));
    expect(page.useLessonProgress.getState().answers).toEqual({ [second.id]: { kind: 'skipped' } });
    // Cleared in another frame (Start the lesson again there): cleared here.
    storage.clear();
    listeners.forEach((listener) => listener({ key: null } as StorageEvent));
    expect(page.useLessonProgress.getState().answers).toEqual({});
    stop();
    expect(listeners).toHaveLength(0);
  });
});
