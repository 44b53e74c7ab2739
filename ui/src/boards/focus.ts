/** Is the person typing in a field (so Ctrl+Z belongs to the field, not to the workshop)? */
export function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

// Moves the focus to something a command is about to show: the projection
// arrives, React renders it, then the element exists. Tries for a few frames.
export function focusWhenShown(selector: string, frames = 30): void {
  const tryNow = (left: number) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (left > 0) requestAnimationFrame(() => tryNow(left - 1));
  };
  requestAnimationFrame(() => tryNow(frames));
}
