import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { EditorProps } from '../editor';
import { useBoardHost } from '../host';
import { EmotionCurve } from './EmotionCurve';
import { Endpoints } from './Endpoints';
import { criticalPhases, endpointsAt, nextOrder, pathGrid } from './grid';
import { LaneRow } from './LaneRow';
import { PathPersona } from './PathPersona';
import { PhaseHeader } from './PhaseHeader';

/** The service path: phases as columns, lanes as rows, cards in cells, the feeling curve. */
export function ServicePathEditor({ board, view, run }: EditorProps) {
  const t = useT();
  const { fitRequest } = useBoardHost();
  const grid = pathGrid(board);
  const allLanes = [...grid.lanes, ...grid.hiddenLanes];
  const critical = criticalPhases(grid, allLanes);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [zoom, setZoom] = useState(1);

  useEffect(() => {
    if (fitRequest === 0 || !scroller.current || !table.current) return;
    const natural = table.current.scrollWidth / zoom;
    setZoom(Math.min(1, scroller.current.clientWidth / natural));
  }, [fitRequest]); // eslint-disable-line react-hooks/exhaustive-deps

  const addPhase = () =>
    void run({ cmd: 'add_item', board: board.id, item: { type: 'Phase', name: t('path.newPhase'), duration: '', emotion: 0, order: nextOrder(grid.phases) } as never });
  const addLane = () =>
    void run({ cmd: 'add_item', board: board.id, item: { type: 'Lane', name: t('path.newLane'), role: 'custom', hidden: false, order: nextOrder(allLanes) } as never });

  return (
    <div className="path-editor">
      <div className="path-top">
        <PathPersona board={board.id} personaId={grid.personaId} view={view} run={run} />
        <button type="button" onClick={addPhase} data-testid="add-phase">
          + {t('path.addPhase')}
        </button>
        <button type="button" onClick={addLane}>
          + {t('path.addLane')}
        </button>
      </div>
      <div className="path-scroll" ref={scroller} tabIndex={0} aria-label={board.title}>
        <table className="path-grid" ref={table} style={{ zoom }} data-testid="path-grid">
          <caption className="visually-hidden">{board.title}</caption>
          <thead>
            <tr>
              <td />
              {grid.phases.map((phase) => (
                <th key={phase.id} scope="col">
                  <PhaseHeader board={board.id} phase={phase} phases={grid.phases} run={run} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="endpoint-row">
              <th scope="row">{t('path.endpoints')}</th>
              {grid.phases.map((phase) => (
                <td key={phase.id}>
                  {endpointsAt(grid, phase.id).map((e) => (
                    <p key={e.id} className={`endpoint-chip ${e.kind}`}>
                      {e.kind === 'entry' ? '→ ' : '← '}
                      {t(e.kind === 'entry' ? 'path.entry' : 'path.exit')}: {e.text}
                    </p>
                  ))}
                </td>
              ))}
            </tr>
            {grid.lanes.map((lane) =>
              lane.role === 'emotion' ? (
                <tr key={lane.id} data-testid="lane-row" data-lane-role="emotion">
                  <th scope="row">
                    {lane.name || t('path.curve')}
                    <button
                      type="button"
                      className="small"
                      onClick={() => void run({ cmd: 'patch_item', board: board.id, item_type: 'Lane', id: lane.id, patch: { hidden: true } })}
                      aria-label={t('path.hideLane', { name: lane.name })}
                    >
                      {t('path.hideLane', { name: '' }).replace(/:\s*$/, '')}
                    </button>
                  </th>
                  <td colSpan={Math.max(1, grid.phases.length)} className="curve-cell">
                    <EmotionCurve phases={grid.phases} critical={critical} />
                  </td>
                </tr>
              ) : (
                <LaneRow key={lane.id} board={board.id} lane={lane} grid={grid} run={run} />
              ),
            )}
          </tbody>
        </table>
      </div>
      {grid.hiddenLanes.length > 0 && (
        <section aria-labelledby="hidden-lanes">
          <h2 id="hidden-lanes">{t('path.hiddenLanes')}</h2>
          <ul className="hidden-lanes">
            {grid.hiddenLanes.map((lane) => (
              <li key={lane.id}>
                <button type="button" onClick={() => void run({ cmd: 'patch_item', board: board.id, item_type: 'Lane', id: lane.id, patch: { hidden: false } })}>
                  {t('path.showLane', { name: lane.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Endpoints board={board.id} grid={grid} run={run} />
    </div>
  );
}
