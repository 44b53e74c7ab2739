// Two-scale items ranked by importance, with own competence beside and the gap
// between them: where learning is needed most.
import { useContext, useId } from 'react';
import { LanguageContext, useT } from '../../i18n';
import { rankingRows, type Evaluation } from './results';

export function RatingTable({ form }: { form: Evaluation }) {
  const t = useT();
  const uid = useId();
  const lang = useContext(LanguageContext);
  const rows = rankingRows(form, lang);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`${uid}-h`}>
      <h4 id={`${uid}-h`}>{t('eval.ranking')}</h4>
      <table data-testid="rating-results" aria-labelledby={`${uid}-h`}>
        <thead>
          <tr>
            <th scope="col">{t('eval.rank')}</th>
            <th scope="col">{t('eval.factor')}</th>
            <th scope="col">{t('eval.importanceMean')}</th>
            <th scope="col">{t('eval.competenceMean')}</th>
            <th scope="col">{t('eval.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.item.id}>
              <td>{r.rank > 0 ? r.rank : '–'}</td>
              <th scope="row">{r.item.text}</th>
              <td>{r.importance}</td>
              <td>{r.competence}</td>
              <td>{r.gap}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('eval.gapNote')}</p>
    </section>
  );
}
