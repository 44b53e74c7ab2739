// Every idea chosen to be tried out, from all idea walls together: its plan (who and
// what from the idea card, where, when, how we know it worked), how it runs, and what
// the group decides after it.
import { useId } from 'react';
import { useT, type MessageKey } from '../../i18n';
import type { Command, Decision, ExperimentStatus, Idea, Outcome, WorkshopView } from '../../types';
import { CommitField } from '../CommitField';
import { patchItem } from '../commands';
import { useRun } from '../useRun';

const statuses: ExperimentStatus[] = ['planned', 'running', 'done', 'stopped'];
const decisions: Decision[] = ['keep', 'change', 'drop'];

type Props = { view: WorkshopView; run: (cmd: Command) => Promise<Outcome>; readOnly?: boolean };

/** Each experiment with the idea wall it is on. */
export function experimentsOf(view: WorkshopView): { board: string; wall: string; idea: Idea }[] {
  return view.boards.flatMap((b) =>
    b.kind === 'idea_wall' && !b.archived ? b.ideas.filter((i) => i.experiment).map((idea) => ({ board: b.id, wall: b.title, idea })) : [],
  );
}

export function ExperimentList({ view, run, readOnly = false }: Props) {
  const t = useT();
  const { send, error } = useRun(run);
  const experiments = experimentsOf(view);
  return (
    <section aria-labelledby="experiments-heading" data-testid="experiments">
      <h2 id="experiments-heading">{t('experiment.heading')}</h2>
      {error}
      {experiments.map(({ board, wall, idea }) => (
        <Experiment
          key={idea.id}
          idea={idea}
          wall={wall}
          readOnly={readOnly}
          patch={(patch) => void send(patchItem(board, 'Idea', idea.id, patch))}
        />
      ))}
    </section>
  );
}

type ExperimentProps = { idea: Idea; wall: string; readOnly: boolean; patch: (patch: Record<string, unknown>) => void };

function Experiment({ idea, wall, readOnly, patch }: ExperimentProps) {
  const t = useT();
  const uid = useId();
  const name = idea.name.trim() || t('idea.untitled');
  return (
    <article className="experiment-plan" aria-labelledby={`${uid}-name`} data-testid="experiment">
      <h3 id={`${uid}-name`}>
        {name} <span className="board-kind">({wall})</span>
      </h3>
      <fieldset disabled={readOnly} className="experiment-fields">
        <dl>
          <dt>{t('idea.field.who')}</dt>
          <dd>{idea.who || '–'}</dd>
          <dt>{t('idea.field.what')}</dt>
          <dd>{idea.what || '–'}</dd>
        </dl>
        <label className="field">
          <span>{t('experiment.place')}</span>
          <CommitField value={idea.place} onCommit={(place) => patch({ place })} />
        </label>
        <div className="experiment-dates">
          <label className="field">
            <span>{t('experiment.starts')}</span>
            <input type="date" value={idea.starts} onChange={(e) => patch({ starts: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('experiment.ends')}</span>
            <input type="date" value={idea.ends} onChange={(e) => patch({ ends: e.target.value })} />
          </label>
        </div>
        <label className="field">
          <span>{t('experiment.measure')}</span>
          <CommitField multiline value={idea.measure} onCommit={(measure) => patch({ measure })} />
        </label>
        <Choice
          legend={t('experiment.status')}
          name={`${uid}-status`}
          options={statuses.map((s) => [s, t(`experiment.status.${s}` as MessageKey)])}
          value={idea.status}
          onChange={(status) => patch({ status })}
        />
        <label className="field">
          <span>{t('experiment.outcome')}</span>
          <CommitField multiline value={idea.outcome} onCommit={(outcome) => patch({ outcome })} />
        </label>
        <Choice
          legend={t('experiment.decision')}
          name={`${uid}-decision`}
          options={decisions.map((d) => [d, t(`experiment.decision.${d}` as MessageKey)])}
          value={idea.decision}
          onChange={(decision) => patch({ decision })}
        />
      </fieldset>
    </article>
  );
}

type ChoiceProps<V extends string> = {
  legend: string;
  name: string;
  options: [V, string][];
  value: V | null;
  onChange: (value: V) => void;
};

/** Radio buttons: arrow keys move between them, as in any form. */
function Choice<V extends string>({ legend, name, options, value, onChange }: ChoiceProps<V>) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="check">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
