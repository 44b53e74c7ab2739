// The comment count on each item drawn on a canvas, whatever the board kind:
// like the spotlight's marks, the count is put on the item's element (found by
// the data attributes every board draws) after each draw, as `data-comments`,
// which the style sheet shows as a small badge. The list view names the count in words.
import { useEffect } from 'react';
import { itemSelector } from '../facilitation/items';

export function useCommentBadges(counts: ReadonlyMap<string, number>): void {
  const key = [...counts].map(([id, n]) => `${id}=${n}`).join(' ');
  useEffect(() => {
    if (!key) return;
    const pairs = key.split(' ').map((pair) => pair.split('='));
    const mark = () => {
      for (const [id, n] of pairs) {
        document.querySelectorAll(itemSelector(id)).forEach((el) => {
          if (el.getAttribute('data-comments') !== n) el.setAttribute('data-comments', n);
        });
      }
    };
    mark();
    const watch = new MutationObserver(mark);
    watch.observe(document.body, { childList: true, subtree: true });
    return () => {
      watch.disconnect();
      document.querySelectorAll('[data-comments]').forEach((el) => el.removeAttribute('data-comments'));
    };
  }, [key]);
}
