// Marks items on whatever board is drawn: the spotlighted card, and cards locked
// for this person (their fields and buttons are disabled too). Boards draw items
// with their own data attributes; this finds them by id after each draw, so no
// editor needs to know about spotlight or locks.
import { useEffect } from 'react';
import { itemSelector } from './items';

type Options = { scroll?: boolean; disable?: boolean };

const controls = 'input, textarea, select, button';

export function useMarks(ids: readonly string[], className: string, { scroll = false, disable = false }: Options = {}): void {
  const key = ids.join(' ');
  useEffect(() => {
    if (!key) return;
    const disabled = new Set<Element>();
    const mark = () => {
      for (const id of key.split(' ')) {
        document.querySelectorAll(itemSelector(id)).forEach((el) => {
          el.classList.add(className);
          if (!disable) return;
          el.querySelectorAll(controls).forEach((c) => {
            if (c.hasAttribute('disabled')) return;
            c.setAttribute('disabled', '');
            disabled.add(c);
          });
        });
      }
    };
    mark();
    if (scroll) document.querySelector(itemSelector(key.split(' ')[0]))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const watch = new MutationObserver(mark);
    watch.observe(document.body, { childList: true, subtree: true });
    return () => {
      watch.disconnect();
      document.querySelectorAll(`.${className}`).forEach((el) => el.classList.remove(className));
      disabled.forEach((c) => c.removeAttribute('disabled'));
    };
  }, [key, className, scroll, disable]);
}
