// Answering the form: who I am (client or professional), then each item by its
// kind: a statement 1–5, an open question in words, or two scales 0–5 (importance
// and own competence), under the section headings. Answers carry no name; only
// the group travels with them.
import { useId, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import type { EvalItem, RespondentGroup, Response } from '../../types';
import { bySection, responsesOf, scale, zeroToFive, type Draft } from './results';
import './evaluation.css';

type Props = { items: EvalItem[]; submit(group: RespondentGroup, answers: Response[]): Promise<unknown> };

export function AnswerForm({ items, submit }: Props) {
  const t = useT();
  const uid = useId();
  const [group, setGroup] = useState<RespondentGroup | null>(null);
  const [drafts, setDrafts] = useState(new Map<string, Draft>());
  const [sent, setSent] = useState(false);
  const [missing, setMissing] = useState<number[]>([]);
  const number = new Map(items.map((item, i) => [item.id, i + 1]));
  const sections = bySection(items);
  const headed = sections.some((s) => s.section !== '');

  const change = (id: string, part: Draft) => {
    setSent(false);
    setDrafts((m) => new Map(m).set(id, { ...m.get(id), ...part }));
  };
  const send = () => {
    const { answers, incomplete } = responsesOf(items, drafts);
    setMissing(incomplete.map((item) => number.get(item.id) ?? 0));
    if (!group || incomplete.length > 0 || answers.length === 0) return;
    void submit(group, answers).then((done) => {
      // `false`: not stored; the sender shows why, and the choices stay.
      if (done === false) return;
      setDrafts(new Map());
      setSent(true);
    });
  };

  return (
    <form
      className="answer-form"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <h3 id={`${uid}-h`}>{t('eval.answer')}</h3>
      <fieldset>
        <legend>{t('eval.iAm')}</legend>
        {(['client', 'professional'] as const).map((g) => (
          <label key={g} className="choice">
            <input type="radio" name={`${uid}-group`} checked={group === g} onChange={() => setGroup(g)} />
            {t(`eval.group.${g}`)}
          </label>
        ))}
      </fieldset>
      {sections.map(({ section, items: list }) => (
        <section key={section} className="eval-section">
          {headed && <h4>{section || t('eval.noSection')}</h4>}
          {list.map((item) => (
            <ItemInput
              key={item.id}
              item={item}
              n={number.get(item.id) ?? 0}
              name={`${uid}-${item.id}`}
              draft={drafts.get(item.id) ?? {}}
              change={(part) => change(item.id, part)}
            />
          ))}
        </section>
      ))}
      {missing.length > 0 && <p role="alert">{t('eval.incomplete', { items: missing.join(', ') })}</p>}
      <button type="submit" disabled={group === null || drafts.size === 0}>
        {t('eval.send')}
      </button>
      {sent && <p role="status">{t('eval.thanks')}</p>}
    </form>
  );
}

type ItemProps = { item: EvalItem; n: number; name: string; draft: Draft; change(part: Draft): void };

function ItemInput({ item, n, name, draft, change }: ItemProps) {
  const t = useT();
  const title = `${n}. ${item.text}`;
  if (item.kind === 'open') {
    return (
      <div className="open-question" data-testid="open-question">
        <label htmlFor={name}>{title}</label>
        <textarea id={name} rows={3} value={draft.text ?? ''} onChange={(e) => change({ text: e.target.value })} />
      </div>
    );
  }
  if (item.kind === 'two_scale') {
    return (
      <fieldset className="two-scale" data-testid="two-scale">
        <legend>{title}</legend>
        <Radios name={`${name}-value`} caption={t('eval.importance')} values={zeroToFive} chosen={draft.value} ends="eval.importance" pick={(value) => change({ value })} />
        <Radios name={`${name}-second`} caption={t('eval.competence')} values={zeroToFive} chosen={draft.second} ends="eval.competence" pick={(second) => change({ second })} />
      </fieldset>
    );
  }
  return (
    <fieldset className="likert" data-testid="likert">
      <legend>{title}</legend>
      <RadioRow name={name} values={scale} chosen={draft.value} ends="eval.scale" pick={(value) => change({ value })} />
    </fieldset>
  );
}

type RadioProps = {
  name: string;
  values: readonly number[];
  chosen: number | undefined;
  /** The message keys `<ends>.<lowest>` and `<ends>.<highest>` say what the ends mean. */
  ends: 'eval.scale' | 'eval.importance' | 'eval.competence';
  pick(value: number): void;
};

function Radios({ caption, ...row }: RadioProps & { caption: string }) {
  return (
    <fieldset className="likert">
      <legend>{caption}</legend>
      <RadioRow {...row} />
    </fieldset>
  );
}

function RadioRow({ name, values, chosen, ends, pick }: RadioProps) {
  const t = useT();
  const low = values[0];
  const high = values[values.length - 1];
  const meaning = (v: number) => (t.has(`${ends}.${v}`) ? t(`${ends}.${v}` as MessageKey) : null);
  return (
    <>
      {values.map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={name} checked={chosen === v} onChange={() => pick(v)} />
          {v}
          {meaning(v) && <span className="sr-only"> – {meaning(v)}</span>}
        </label>
      ))}
      <span className="scale-ends" aria-hidden="true">
        {low} = {meaning(low)}, {high} = {meaning(high)}
      </span>
    </>
  );
}
