import { useT } from '../../i18n';
import type { Command, Outcome, PathCard } from '../../types';
import { useBoardHost } from '../host';
import { TextField } from '../TextField';

type Props = { board: string; card: PathCard; critical: boolean; run: (cmd: Command) => Promise<Outcome> };

/** One card in a cell: its text, whether it is a critical point, select and delete. */
export function PathCardView({ board, card, critical, run }: Props) {
  const t = useT();
  const { matches, selected, toggleSelected } = useBoardHost();
  const patch = (patch: Record<string, unknown>) =>
    void run({ cmd: 'patch_item', board, item_type: 'PathCard', id: card.id, patch });
  const classes = ['path-card', critical ? 'critical' : '', matches.has(card.id) ? 'match' : '', selected.has(card.id) ? 'selected' : ''];
  return (
    <li className={classes.join(' ')} data-testid="path-card" data-card-id={card.id}>
      {critical && (
        <span className="critical-badge" aria-hidden="true">
          ⚠
        </span>
      )}
      <TextField label={t('path.cardText')} hideLabel multiline value={card.text} onCommit={(v) => patch({ text: v })} testId="path-card-text" />
      <div className="card-actions">
        <label>
          <input type="checkbox" checked={card.critical} onChange={(e) => patch({ critical: e.target.checked })} />{' '}
          {t('path.critical')}
        </label>
        <label>
          <input type="checkbox" checked={selected.has(card.id)} onChange={() => toggleSelected(card.id)} />{' '}
          {t('path.selectCard')}
        </label>
        <button
          type="button"
          className="danger small"
          onClick={() => void run({ cmd: 'delete_item', board, item_type: 'PathCard', id: card.id })}
        >
          {t('path.deleteCard')}
        </button>
      </div>
    </li>
  );
}
