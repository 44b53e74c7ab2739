import { useT } from '../../i18n';
import type { Command, Lane, Outcome } from '../../types';
import { focusWhenShown } from '../focus';
import { TextField } from '../TextField';
import { cardsIn, nextOrder, type PathGrid } from './grid';
import { PathCardView } from './PathCardView';

type Props = { board: string; lane: Lane; grid: PathGrid; run: (cmd: Command) => Promise<Outcome> };

/** One lane: its name and hide button, then a cell of cards under each phase. */
export function LaneRow({ board, lane, grid, run }: Props) {
  const t = useT();
  const laneName = lane.name || t('path.lanes');
  const add = (phaseId: string) =>
    run({
      cmd: 'add_item',
      board,
      item: {
        type: 'PathCard',
        phase_id: phaseId,
        lane_id: lane.id,
        text: '',
        critical: lane.role === 'critical',
        order: nextOrder(grid.cards),
      } as never,
    }).then((outcome) => {
      // The new card's text field takes the focus, so typing goes on from the keyboard.
      focusWhenShown(`[data-card-id="${outcome.id}"] textarea`);
    });
  return (
    <tr data-testid="lane-row" data-lane-role={lane.role}>
      <th scope="row" className="lane-header">
        <TextField label={t('path.laneName')} hideLabel value={lane.name} onCommit={(v) => void run({ cmd: 'patch_item', board, item_type: 'Lane', id: lane.id, patch: { name: v } })} />
        <button
          type="button"
          className="small"
          onClick={() => void run({ cmd: 'patch_item', board, item_type: 'Lane', id: lane.id, patch: { hidden: true } })}
          aria-label={t('path.hideLane', { name: laneName })}
        >
          {t('path.hideLane', { name: '' }).replace(/:\s*$/, '')}
        </button>
      </th>
      {grid.phases.map((phase) => (
        <td key={phase.id} className="cell" aria-label={t('path.cell', { lane: laneName, phase: phase.name })}>
          <ul className="cards">
            {cardsIn(grid, phase.id, lane.id).map((card) => (
              <PathCardView key={card.id} board={board} card={card} critical={card.critical || lane.role === 'critical'} run={run} />
            ))}
          </ul>
          <button
            type="button"
            className="add-card small"
            onClick={() => void add(phase.id)}
            aria-label={t('path.addCardIn', { lane: laneName, phase: phase.name })}
            data-testid="add-card"
          >
            + {t('path.addCard')}
          </button>
        </td>
      ))}
    </tr>
  );
}
