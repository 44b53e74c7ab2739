// What one phase holds of one kind: actors, services, digital tools (työkalukartta)
// or indicators (mittarikartta: what is measured, how and when).
import { useT } from '../../i18n';
import { TraceToggle } from '../../traces/TraceToggle';
import type { ModelElement, PartKind, PhasePart } from '../../types';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchItem } from '../commands';
import { focusWhenShown } from '../focus';
import { nextOrder } from '../order';
import { moveCommand, partsOf, type Model } from './model';
import { RowTools, type Send } from './RowTools';

type Props = { m: Model; send: Send; phase: ModelElement; phaseN: number; kind: PartKind };

export function PartList({ m, send, phase, phaseN, kind }: Props) {
  const t = useT();
  const parts = partsOf(m, phase.id, kind);
  const headingId = `${phase.id}-${kind}`;
  const addId = `${phase.id}-add-${kind}`;
  const hint = kind === 'tool' ? t('model.partHint.tool') : kind === 'indicator' ? t('model.partHint.indicator') : null;
  const add = async () => {
    const part = { type: 'PhasePart' as const, phase_id: phase.id, kind, text: '', how_measured: '', when_measured: '', sources: [], order: nextOrder(parts) };
    const out = await send(addItem(m.id, part));
    if (out?.id) focusWhenShown(`[data-item-id="${out.id}"] .part-text`);
  };
  return (
    <section aria-labelledby={headingId} className={`phase-part-list part-${kind}`}>
      <h4 id={headingId}>{t(`model.part.${kind}`)}</h4>
      {hint && <p className="hint">{hint}</p>}
      {parts.length > 0 && (
        <ul className="model-list">
          {parts.map((p, i) => (
            <PartRow key={p.id} m={m} send={send} part={p} index={i} parts={parts} phaseN={phaseN} addId={addId} />
          ))}
        </ul>
      )}
      <button
        type="button"
        id={addId}
        onClick={() => void add()}
        aria-label={`${t(`model.addPart.${kind}`)}: ${t('model.one.phase', { n: phaseN })}`}
      >
        {t(`model.addPart.${kind}`)}
      </button>
    </section>
  );
}

type RowProps = { m: Model; send: Send; part: PhasePart; index: number; parts: PhasePart[]; phaseN: number; addId: string };

function PartRow({ m, send, part, index, parts, phaseN, addId }: RowProps) {
  const t = useT();
  const own = t(`model.partOne.${part.kind}`, { n: index + 1 });
  const where = t('model.inPhase', { part: own, n: phaseN });
  const name = part.text.trim() ? `${where}: ${part.text.trim()}` : where;
  const patch = (field: 'text' | 'how_measured' | 'when_measured') => (value: string) =>
    send(patchItem(m.id, 'PhasePart', part.id, { [field]: value }));
  const indicator = part.kind === 'indicator';
  return (
    <li className="phase-part" data-item-id={part.id} data-testid="phase-part">
      <label className="field">
        <span>{indicator ? t('model.what') : own}</span>
        <CommitField className="part-text" value={part.text} label={indicator ? `${t('model.what')} ${where}` : where} onCommit={patch('text')} />
      </label>
      {indicator && (
        <>
          <label className="field">
            <span>{t('model.how')}</span>
            <CommitField value={part.how_measured} label={`${t('model.how')} ${where}`} onCommit={patch('how_measured')} />
          </label>
          <label className="field">
            <span>{t('model.when')}</span>
            <CommitField value={part.when_measured} label={`${t('model.when')} ${where}`} onCommit={patch('when_measured')} />
          </label>
        </>
      )}
      <RowTools
        id={part.id}
        name={name}
        move={(by) => moveCommand(m.id, 'PhasePart', parts, index, by)}
        remove={deleteItem(m.id, 'PhasePart', part.id)}
        send={send}
        afterRemove={addId}
      />
      <TraceToggle itemType="PhasePart" itemId={part.id} sources={part.sources} name={name} />
    </li>
  );
}
