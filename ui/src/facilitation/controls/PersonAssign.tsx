// One select per person: which group they are in (or none).
import { useId } from 'react';
import { useT } from '../../i18n';
import type { Person } from '../../types';

type Props = {
  label: string;
  people: Person[];
  groups: { id: string; name: string }[];
  groupOf: (p: Person) => string | null;
  assign: (person: string, group: string | null) => void;
};

export function PersonAssign({ label, people, groups, groupOf, assign }: Props) {
  const t = useT();
  const uid = useId();
  if (people.length === 0) return <p className="hint">{t('facil.noPeople')}</p>;
  return (
    <table className="assign">
      <caption>{label}</caption>
      <tbody>
        {people.map((p, i) => (
          <tr key={p.id}>
            <th scope="row">
              <label htmlFor={`${uid}-${i}`}>{p.name || t('facil.unnamed')}</label>
            </th>
            <td>
              <select id={`${uid}-${i}`} value={groupOf(p) ?? ''} onChange={(e) => assign(p.id, e.target.value || null)}>
                <option value="">{t('facil.noGroup')}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** People who take part (not observers, not the facilitator). */
export const participants = (people: Person[]) => people.filter((p) => p.role === 'participant');
