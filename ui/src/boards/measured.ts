// xyflow measures each node once it is drawn. When the core sends a new
// projection we build fresh node objects; carrying the old measurements over
// keeps the cards visible and the edges attached until they are measured again.
import type { Node } from '@xyflow/react';

export function keepMeasured<N extends Node>(next: N[], previous: readonly N[]): N[] {
  const old = new Map(previous.map((n) => [n.id, n.measured]));
  return next.map((n) => {
    const measured = old.get(n.id);
    return measured ? { ...n, measured } : n;
  });
}
