// Answering the form: who I am (client or professional), then 1–5 for each item.
// Answers carry no name; only the group travels with them.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { EvalItem, RespondentGroup } from '../../types';
import { scale } from './results';

type Props = { items: EvalItem[]; submit(group: RespondentGroup, values: Map<string, number>): Promise<unknown> };

export function AnswerForm({ items, submit }: Props) {
  const t = useT();
  const uid = useId();
  const [group, setGroup] = useState<RespondentGroup | null>(null);
  const [values, setValues] = useState(new Map<string, number>());
  const [sent, setSent] = useState(false);
  const ready = group !== null && values.size > 0;
  return (
    <form
      className="answer-form"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!group || values.size === 0) return;
        void submit(group, values).then((done) => {
          // `false`: not stored; the sender shows why, and the choices stay.
          if (done === false) return;
          setValues(new Map());
          setSent(true);
        });
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
      {items.map((item, i) => (
        <fieldset key={item.id} className="likert" data-testid="likert">
          <legend>
            {i + 1}. {item.text}
          </legend>
          {scale.map((v) => (
            <label key={v} className="choice">
              <input
                type="radio"
                name={`${uid}-${item.id}`}
                checked={values.get(item.id) === v}
                onChange={() => {
                  setSent(false);
                  setValues((m) => new Map(m).set(item.id, v));
                }}
              />
              {v}
              <span className="sr-only"> – {t(`eval.scale.${v}`)}</span>
            </label>
          ))}
          <span className="scale-ends" aria-hidden="true">
            1 = {t('eval.scale.1')}, 5 = {t('eval.scale.5')}
          </span>
        </fieldset>
      ))}
      <button type="submit" disabled={!ready}>
        {t('eval.send')}
      </button>
      {sent && <p role="status">{t('eval.thanks')}</p>}
    </form>
  );
}
