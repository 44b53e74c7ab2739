// A read-only query to the core, asked again whenever `view` changes (someone
// edited the workshop). An answer that arrives after a newer ask is dropped.
import { useEffect, useState } from 'react';
import type { WorkshopView } from '../types';

export function useQuery<T>(ask: (() => Promise<T>) | null, view: WorkshopView, fallback: T): T {
  const [answer, setAnswer] = useState<T>(fallback);
  useEffect(() => {
    if (!ask) return;
    let current = true;
    ask().then(
      (value) => current && setAnswer(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
    // `ask` is a fresh closure each render; the view is what makes a new answer.
  }, [view, ask === null]);
  return answer;
}
