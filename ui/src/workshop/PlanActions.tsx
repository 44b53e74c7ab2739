// Move up, move down and delete, for one session or agenda step named `name`.
// Deleting is not asked about: the page says what went, and Ctrl+Z brings it back.
import { useT } from '../i18n';

type Props = { name: string; first: boolean; last: boolean; move: (by: -1 | 1) => void; remove: () => void };

export function PlanActions({ name, first, last, move, remove }: Props) {
  const t = useT();
  return (
    <div className="plan-actions">
      <button type="button" onClick={() => move(-1)} disabled={first} aria-label={`${t('plan.up')}: ${name}`}>
        {t('plan.up')}
      </button>
      <button type="button" onClick={() => move(1)} disabled={last} aria-label={`${t('plan.down')}: ${name}`}>
        {t('plan.down')}
      </button>
      <button type="button" onClick={remove} aria-label={`${t('plan.delete')}: ${name}`}>
        {t('plan.delete')}
      </button>
    </div>
  );
}
