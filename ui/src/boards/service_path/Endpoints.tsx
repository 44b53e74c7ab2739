import { useState } from 'react';
import { useT } from '../../i18n';
import type { Command, EndpointKind, Outcome } from '../../types';
import { TextField } from '../TextField';
import type { PathGrid } from './grid';

type Props = { board: string; grid: PathGrid; run: (cmd: Command) => Promise<Outcome> };

/** Entries into the path and exits from it, each at a phase ("sain töitä"). */
export function Endpoints({ board, grid, run }: Props) {
  const t = useT();
  const [phase, setPhase] = useState('');
  const phaseId = phase || grid.phases[0]?.id || '';
  const add = (kind: EndpointKind) =>
    void run({ cmd: 'add_item', board, item: { type: 'Endpoint', kind, phase_id: phaseId, text: '' } as never });
  const phaseName = (id: string) => grid.phases.find((p) => p.id === id)?.name ?? '';
  return (
    <section className="endpoints" aria-labelledby="endpoints-heading">
      <h2 id="endpoints-heading">{t('path.endpoints')}</h2>
      <ul>
        {grid.endpoints.map((e) => (
          <li key={e.id} className={`endpoint ${e.kind}`} data-testid="endpoint">
            <span className="endpoint-kind">
              {e.kind === 'entry' ? '→ ' : '← '}
              {t(e.kind === 'entry' ? 'path.entry' : 'path.exit')}: {phaseName(e.phase_id)}
            </span>
            <TextField
              label={t('path.endpointText')}
              value={e.text}
              onCommit={(v) => void run({ cmd: 'patch_item', board, item_type: 'Endpoint', id: e.id, patch: { text: v } })}
            />
            <button type="button" className="small danger" onClick={() => void run({ cmd: 'delete_item', board, item_type: 'Endpoint', id: e.id })}>
              {t('path.deleteEndpoint')}
            </button>
          </li>
        ))}
      </ul>
      <label className="field">
        {t('path.phase')}
        <select value={phaseId} onChange={(e) => setPhase(e.target.value)}>
          {grid.phases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.duration && ` (${p.duration})`}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => add('entry')}>
        + {t('path.addEntry')}
      </button>
      <button type="button" onClick={() => add('exit')}>
        + {t('path.addExit')}
      </button>
    </section>
  );
}
