// Results per item: all answers, and clients' and professionals' means apart
// where the core shows them (it hides a group too small to stay anonymous).
// Statements in one table, two-scale items ranked, open questions in words.
import { useContext } from 'react';
import { LanguageContext, useT } from '../../i18n';
import { OpenAnswers } from './OpenAnswers';
import { RatingTable } from './RatingTable';
import { openResults, resultRows, type Evaluation } from './results';

export function ResultsTable({ form }: { form: Evaluation }) {
  const t = useT();
  const lang = useContext(LanguageContext);
  const rows = resultRows(form, lang, t('eval.tooFew'));
  return (
    <section aria-labelledby={`res-${form.id}`}>
      <h3 id={`res-${form.id}`}>{t('eval.results')}</h3>
      {rows.length > 0 && (
        <>
          <table data-testid="results">
            <thead>
              <tr>
                <th scope="col">{t('eval.item')}</th>
                <th scope="col">{t('eval.count')}</th>
                <th scope="col">{t('eval.mean')}</th>
                <th scope="col">{t('eval.group.client')}</th>
                <th scope="col">{t('eval.group.professional')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.item.id}>
                  <th scope="row">{r.item.text}</th>
                  <td>{r.count}</td>
                  <td>{r.mean}</td>
                  <td>{r.client}</td>
                  <td>{r.professional}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('eval.hiddenNote')}</p>
        </>
      )}
      <RatingTable form={form} />
      {openResults(form).map((r) => (
        <OpenAnswers key={r.item.id} result={r} />
      ))}
    </section>
  );
}
