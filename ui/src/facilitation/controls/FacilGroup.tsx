// One activity in the facilitator's tools: a named group that opens and closes,
// so the tools take one line until the facilitator needs them.
import type { ReactNode } from 'react';

export function FacilGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="facil-group">
      <summary>{title}</summary>
      <div role="group" aria-label={title} className="facil-group-body">
        {children}
      </div>
    </details>
  );
}
