// The groups that move together from station to station.
import { useT } from '../../i18n';
import { CommitField } from '../CommitField';
import { sortedGroups, type Cafe } from './rotation';
import type { CafeSend } from './CafeEditor';

export function GroupList({ cafe, send }: { cafe: Cafe; send: CafeSend }) {
  const t = useT();
  const groups = sortedGroups(cafe);
  return (
    <section aria-labelledby={`groups-${cafe.id}`}>
      <h3 id={`groups-${cafe.id}`}>{t('cafe.groups')}</h3>
      <ul className="group-list" data-testid="groups">
        {groups.map((g, i) => (
          <li key={g.id}>
            <CommitField
              value={g.name}
              label={t('cafe.groupName', { n: i + 1 })}
              onCommit={(name) => send.patch('CafeGroup', g.id, { name })}
            />
            <button type="button" onClick={() => send.remove('CafeGroup', g.id)}>
              {t('common.remove')}
              <span className="sr-only"> {g.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          send.add({ type: 'CafeGroup', name: t('cafe.defaultGroup', { n: groups.length + 1 }), order: groups.length + 1 })
        }
      >
        {t('cafe.addGroup')}
      </button>
    </section>
  );
}
