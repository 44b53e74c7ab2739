import { useT } from '../../i18n';
import type { Command, Outcome, Phase } from '../../types';
import { TextField } from '../TextField';
import { EMOTION_MAX, EMOTION_MIN } from './geometry';
import { swapWithNeighbour } from './grid';

type Props = { board: string; phase: Phase; phases: Phase[]; run: (cmd: Command) => Promise<Outcome> };

const feelings = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MIN + i);

/** A phase column's head: name, duration, feeling, move and delete. */
export function PhaseHeader({ board, phase, phases, run }: Props) {
  const t = useT();
  const patch = (patch: Record<string, unknown>, id = phase.id) =>
    run({ cmd: 'patch_item', board, item_type: 'Phase', id, patch });
  const move = async (step: -1 | 1) => {
    for (const { id, order } of swapWithNeighbour(phases, phase.id, step)) await patch({ order }, id);
  };
  const index = phases.findIndex((p) => p.id === phase.id);
  const name = phase.name || t('path.phase');
  return (
    <div className="phase-header" data-testid="phase-header">
      <TextField label={t('path.phaseName')} value={phase.name} onCommit={(v) => void patch({ name: v })} testId="phase-name" />
      <TextField label={t('field.duration')} value={phase.duration} onCommit={(v) => void patch({ duration: v })} testId="phase-duration" />
      <label className="field">
        {t('field.emotion')}
        <select
          value={phase.emotion}
          onChange={(e) => void patch({ emotion: Number(e.target.value) })}
          aria-label={t('path.feeling', { name })}
          data-testid="phase-emotion"
        >
          {feelings.map((v) => (
            <option key={v} value={v}>
              {t(`path.feeling.${v}` as 'path.feeling.0')}
            </option>
          ))}
        </select>
      </label>
      <div className="phase-actions">
        <button type="button" disabled={index === 0} onClick={() => void move(-1)} aria-label={t('path.moveLeft', { name })}>
          ←
        </button>
        <button
          type="button"
          disabled={index === phases.length - 1}
          onClick={() => void move(1)}
          aria-label={t('path.moveRight', { name })}
        >
          →
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void run({ cmd: 'delete_item', board, item_type: 'Phase', id: phase.id })}
          aria-label={t('path.deletePhase', { name })}
        >
          ✕
        </button>
      </div>
    </div>
  );
}
