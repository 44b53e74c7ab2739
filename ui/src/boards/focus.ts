/** Is the person typing in a field (so Ctrl+Z belongs to the field, not to the workshop)? */
export function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

// Moves the focus to something a command is about to show: the projection
// arrives, React renders it, then the element exists. Tries for a few frames.
// `ready` tells the element in its new state from the one still on screen before
// the change arrives (which React may be about to replace).
export function focusWhenShown(selector: string, ready: (el: HTMLElement) => boolean = () => true, frames = 180): void {
  const tryNow = (left: number) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el && ready(el)) el.focus();
    else if (left > 0) requestAnimationFrame(() => tryNow(left - 1));
  };
  requestAnimationFrame(() => tryNow(frames));
}
