import { lazyPart } from '../shell/lazyPart';

/**
 * The reveal's parts for the lesson's steps after the first (LaterReveal.tsx), with the later parts' strings they
 * read. A later step's card waits for it (LessonView.tsx), and so does the first render of a link to such a step
 * (main.tsx); the first step fetches it once the page has settled.
 */
export const LATER_REVEAL = lazyPart(() => import('./LaterReveal'), (module) => module.LaterReveal, { partStrings: true });
