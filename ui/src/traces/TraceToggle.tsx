// The button "Mistä tämä tuli? (N)" on an item, opening its trace panel below it.
import { useId, useState } from 'react';
import { useT } from '../i18n';
import type { ItemType, Source } from '../types';
import { useTraceScope } from './scope';
import { TracePanel } from './TracePanel';

type Props = { itemType: ItemType; itemId: string; sources: readonly Source[]; name: string };

export function TraceToggle({ itemType, itemId, sources, name }: Props) {
  const t = useT();
  const region = useId();
  const scope = useTraceScope();
  const [open, setOpen] = useState(false);
  if (!scope) return null;
  const broken = sources.some((s) => s.broken);
  const text = t('trace.toggle', { n: sources.length }) + (broken ? ` – ${t('trace.broken')}` : '');
  return (
    <div className="trace-toggle">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={region}
        aria-label={`${text}: ${name}`}
        onClick={() => setOpen(!open)}
        data-testid="trace-toggle"
      >
        {broken && <span aria-hidden="true">⚠ </span>}
        {text}
      </button>
      <div id={region} hidden={!open}>
        {open && <TracePanel board={scope.board} itemType={itemType} itemId={itemId} sources={sources} name={name} />}
      </div>
    </div>
  );
}
