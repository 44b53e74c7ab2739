// Items keep their place by an `order` number; a new one goes last. Pure.

/** The order value for a new item placed last. */
export function nextOrder(items: readonly { order: number }[]): number {
  return items.reduce((max, i) => Math.max(max, i.order), 0) + 1;
}
