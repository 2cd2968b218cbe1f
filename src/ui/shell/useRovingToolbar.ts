/**
 * One Tab stop for a row of tools (the ARIA toolbar pattern): Tab enters at the tool used last, and ← → Home End
 * move between the tools. The header's seven tools were seven Tab stops between the top of the page and the
 * Lesson's question; now they are one. A select keeps its own arrow keys (they change its value).
 */
import { useLayoutEffect, useRef } from 'react';

const TOOL = 'button, select, input, a[href]';
const MOVES = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];

export function useRovingToolbar<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    let current = 0;
    const tools = () => Array.from(bar.querySelectorAll<HTMLElement>(TOOL)).filter((tool) => !tool.matches(':disabled'));
    // Tools come and go (a teacher link hides some): the one stop always lands on a tool that is there.
    const sync = () => {
      const list = tools();
      if (current >= list.length) current = 0;
      list.forEach((tool, index) => {
        tool.tabIndex = index === current ? 0 : -1;
      });
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(bar, { childList: true, subtree: true });
    const onFocusIn = (event: FocusEvent) => {
      const index = tools().indexOf(event.target as HTMLElement);
      if (index < 0 || index === current) return;
      current = index;
      sync();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!MOVES.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
      if ((event.target as HTMLElement).tagName === 'SELECT') return;
      const list = tools();
      const index = list.indexOf(event.target as HTMLElement);
      if (index < 0) return;
      // Handled here: the Lesson's ← → must not also turn the page.
      event.preventDefault();
      const last = list.length - 1;
      const next = { ArrowLeft: index === 0 ? last : index - 1, ArrowRight: index === last ? 0 : index + 1, Home: 0, End: last }[event.key]!;
      list[next].focus();
    };
    bar.addEventListener('focusin', onFocusIn);
    bar.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      bar.removeEventListener('focusin', onFocusIn);
      bar.removeEventListener('keydown', onKeyDown);
    };
  }, []);
  return ref;
}
