// One agenda step as the facilitator plans it: name, length, instructions,
// support questions and the board it works on; moved and deleted by buttons.
import { PlainField } from '../synthesis/PlainField';
import { useState } from 'react';
import { CommitField } from '../boards/CommitField';
import { useRun } from '../boards/useRun';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Board, ParticipationLevel, Session, Step } from '../types';
import { lines, parseMinutes } from './order';
import { PlanActions } from './PlanActions';

export const participationLevels: ParticipationLevel[] = ['informant', 'participant', 'influencer', 'leader'];

type Props = {
  session: Session;
  step: Step;
  boards: Board[];
  run: Run;
  move: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
  onDeleted: (name: string) => void;
};

export function StepEditor({ session, step, boards, run, move, first, last, onDeleted }: Props) {
  const t = useT();
  const { send, error } = useRun(run);
  const [badMinutes, setBadMinutes] = useState(false);
  const patch = (fields: Record<string, unknown>) => void send({ cmd: 'patch_step', session: session.id, step: step.id, patch: fields });
  const name = step.title || t('plan.step.newTitle');
  const choices = boards.filter((b) => !b.archived || b.id === step.board_id);
  const commitMinutes = (text: string) => {
    const minutes = parseMinutes(text);
    setBadMinutes(minutes === undefined);
    if (minutes !== undefined) patch({ minutes });
  };
  const remove = async () => {
    if (await send({ cmd: 'delete_step', session: session.id, step: step.id })) onDeleted(name);
  };
  return (
    <li className="step step-editor" data-testid="step-editor">
      <fieldset>
        <legend>{name}</legend>
        {error}
        <label>
          {t('plan.step.name')} <CommitField value={step.title} onCommit={(title) => patch({ title: title.trim() })} testId="step-title" />
        </label>
        <label>
          {t('plan.step.minutes')}{' '}
          <CommitField value={step.minutes == null ? '' : String(step.minutes)} onCommit={commitMinutes} className="minutes" testId="step-minutes" />
        </label>
        {badMinutes && <p role="alert">{t('plan.step.minutesInvalid')}</p>}
        <PlainField
          caption={t('plan.step.instructions')}
          multiline
          rows={3}
          value={step.instructions}
          onCommit={(instructions) => patch({ instructions })}
          testId="step-instructions"
          hintsId={`plain-hints-${step.id}`}
        />
        <label>
          {t('plan.step.questions')}{' '}
          <CommitField
            multiline
            rows={Math.max(2, step.questions.length + 1)}
            value={step.questions.join('\n')}
            onCommit={(text) => patch({ questions: lines(text) })}
            testId="step-questions"
          />
        </label>
        <label>
          {t('plan.step.board')}{' '}
          <select value={step.board_id} onChange={(e) => patch({ board_id: e.target.value })} data-testid="step-board">
            <option value="">{t('plan.step.noBoard')}</option>
            {choices.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title} ({t(`board.kind.${b.kind}`)})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plan.step.participation')}{' '}
          <select
            value={step.participation ?? ''}
            onChange={(e) => patch({ participation: e.target.value || null })}
            data-testid="step-participation"
          >
            <option value="">{t('plan.step.noParticipation')}</option>
            {participationLevels.map((level) => (
              <option key={level} value={level}>
                {t(`participation.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <PlanActions name={name} first={first} last={last} move={move} remove={() => void remove()} />
      </fieldset>
    </li>
  );
}
