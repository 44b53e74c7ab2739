// Quality criteria by area (client work, management, structures), each written
// twice: as the criterion and as a plain-language version.
import { PlainField } from '../../synthesis/PlainField';
import { useT } from '../../i18n';
import { TraceScopeContext } from '../../traces/scope';
import { TraceToggle } from '../../traces/TraceToggle';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchBoard, patchItem } from '../commands';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { nextOrder } from '../order';
import { criteriaByArea } from './areas';

export function QualityEditor({ board, view, run }: EditorProps) {
  const t = useT();
  const { send, error } = useRun(run);
  const q = boardOf(board, 'quality_criteria');
  if (!q) return null;
  const models = view.boards.filter((b) => b.kind === 'operating_model' && !b.archived);
  return (
    <TraceScopeContext.Provider value={{ board: q.id, view, run }}>
      <div className="editor quality-editor">
        {error}
        <label className="field">
          <span>{t('model.qualityFor')}</span>{' '}
          <select value={q.model_id ?? ''} onChange={(e) => send(patchBoard(q.id, { model_id: e.target.value || null }))}>
            <option value="">{t('model.noModel')}</option>
            {models.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        {criteriaByArea(q).map(({ area, criteria }) => (
          <section key={area} aria-labelledby={`${q.id}-${area}`} data-testid={`area-${area}`}>
            <h3 id={`${q.id}-${area}`}>{t(`quality.area.${area}`)}</h3>
            <ol className="criteria">
              {criteria.map((c, i) => (
                <li key={c.id} className="criterion">
                  <label className="field">
                    <span>{t('quality.criterion')}</span>
                    <CommitField
                      multiline
                      value={c.text}
                      label={`${t('quality.criterion')} ${i + 1}`}
                      onCommit={(text) => send(patchItem(q.id, 'Criterion', c.id, { text }))}
                    />
                  </label>
                  <PlainField
                    caption={t('quality.plain')}
                    multiline
                    value={c.plain}
                    label={`${t('quality.plain')} ${i + 1}`}
                    onCommit={(plain) => send(patchItem(q.id, 'Criterion', c.id, { plain }))}
                    hintsId={`plain-hints-${c.id}`}
                  />
                  <TraceToggle
                    itemType="Criterion"
                    itemId={c.id}
                    sources={c.sources}
                    name={`${t('quality.criterion')} ${i + 1}, ${t(`quality.area.${area}`)}`}
                  />
                  <button type="button" onClick={() => send(deleteItem(q.id, 'Criterion', c.id))}>
                    {t('common.remove')}
                    <span className="sr-only">
                      {' '}
                      {t('quality.criterion')} {i + 1}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              aria-label={`${t('quality.add')}: ${t(`quality.area.${area}`)}`}
              onClick={() => send(addItem(q.id, { type: 'Criterion', sources: [], area, text: '', plain: '', order: nextOrder(q.criteria) }))}
            >
              {t('quality.add')}
            </button>
          </section>
        ))}
      </div>
    </TraceScopeContext.Provider>
  );
}
