// Round × group → station, as the core computed it.
import { useT } from '../../i18n';
import { rotationRows, sortedGroups, type Cafe } from './rotation';

export function RotationTable({ cafe }: { cafe: Cafe }) {
  const t = useT();
  const rows = rotationRows(cafe);
  if (rows.length === 0 || cafe.groups.length === 0) return <p>{t('cafe.noRotation')}</p>;
  return (
    <table className="rotation" data-testid="rotation">
      <caption>{t('cafe.rotation', { min: cafe.round_minutes })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cafe.round')}</th>
          {sortedGroups(cafe).map((g) => (
            <th key={g.id} scope="col">
              {g.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.round}>
            <th scope="row">{row.round}</th>
            {row.cells.map((c) => (
              <td key={c.group.id}>{c.station?.question || t('cafe.unnamedStation')}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
