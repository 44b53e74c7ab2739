// Moves keyboard focus into a new card once xyflow has drawn it. A node is
// hidden until it is measured, and a hidden field cannot take focus, so this
// tries on each animation frame for a short while; it also pans the card into view.
import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

export function useFocusWhenDrawn(wanted: boolean, id: string, field: RefObject<HTMLElement | null>, done: (id: string) => void) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!wanted) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const el = field.current;
      if (el) el.focus({ preventScroll: true });
      if ((el && document.activeElement === el) || ++tries > 60) {
        void fitView({ nodes: [{ id }], maxZoom: 1, duration: 200 });
        done(id);
        return;
      }
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [wanted, id, field, done, fitView]);
}
