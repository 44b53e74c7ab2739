// Marks items on whatever board is drawn: the spotlighted card and locked cards.
// Boards draw items with their own data attributes; this finds them by id after
// each draw, so no editor needs to know about spotlight or locks.
import { useEffect } from 'react';
import { itemSelector } from './items';

export function useMarks(ids: readonly string[], className: string, scroll = false): void {
  const key = ids.join(' ');
  useEffect(() => {
    if (!key) return;
    const mark = () => {
      for (const id of key.split(' ')) {
        document.querySelectorAll(itemSelector(id)).forEach((el) => el.classList.add(className));
      }
    };
    mark();
    if (scroll) document.querySelector(itemSelector(key.split(' ')[0]))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const watch = new MutationObserver(mark);
    watch.observe(document.body, { childList: true, subtree: true });
    return () => {
      watch.disconnect();
      document.querySelectorAll(`.${className}`).forEach((el) => el.classList.remove(className));
    };
  }, [key, className, scroll]);
}
