// The start, middle and end forms side by side: each item's mean, and clients'
// and professionals' means where the core shows them. Asked again whenever the
// workshop view changes, so new answers show.
import { useContext, useEffect, useId, useState } from 'react';
import { toBackendError, type BackendError } from '../../backend';
import { LanguageContext, useT } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useQueries } from '../../backend/queries';
import type { OverTimeRow, WorkshopView } from '../../types';
import { overTimeLines, stages, type OverTimeCell } from './results';

export function OverTimeTable({ view }: { view: WorkshopView }) {
  const t = useT();
  const uid = useId();
  const lang = useContext(LanguageContext);
  const tools = useQueries();
  const [rows, setRows] = useState<OverTimeRow[] | null>(null);
  const [failure, setFailure] = useState<BackendError | null>(null);
  useEffect(() => {
    if (!tools) return;
    let live = true;
    tools.evaluationOverTime().then(
      (r) => {
        if (!live) return;
        setRows(r);
        setFailure(null);
      },
      (err: unknown) => live && setFailure(toBackendError(err)),
    );
    return () => {
      live = false;
    };
  }, [tools, view]);

  if (!tools) return null;
  const lines = rows ? overTimeLines(rows, lang) : [];
  return (
    <section aria-labelledby={`${uid}-h`} className="over-time">
      <h3 id={`${uid}-h`}>{t('eval.overTime')}</h3>
      {failure && (
        <div role="alert" data-error-code={failure.code}>
          <p>{errorText(t, failure)}</p>
        </div>
      )}
      {rows && lines.length === 0 && <p>{t('eval.noAnswers')}</p>}
      {lines.length > 0 && (
        <>
          <table data-testid="over-time" aria-labelledby={`${uid}-h`}>
            <thead>
              <tr>
                <th scope="col">{t('eval.item')}</th>
                {stages.map((s) => (
                  <th scope="col" key={s}>
                    {t(`eval.column.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => (
                <tr key={`${i}-${line.text}`}>
                  <th scope="row">{line.text}</th>
                  {stages.map((s, j) => (
                    <td key={s}>
                      <Cell cell={line.cells[j] ?? null} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('eval.overTimeNote')}</p>
        </>
      )}
    </section>
  );
}

function Cell({ cell }: { cell: OverTimeCell | null }) {
  const t = useT();
  if (!cell) return <span className="hint">{t('eval.notAsked')}</span>;
  return (
    <div className="over-time-cell">
      <span className="over-time-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(cell.share * 100)}%` }} />
      </span>
      <span className="over-time-mean">
        {t('eval.all')} {cell.mean}
      </span>
      <span>
        {t('eval.group.client')} {cell.client}
      </span>
      <span>
        {t('eval.group.professional')} {cell.professional}
      </span>
    </div>
  );
}
