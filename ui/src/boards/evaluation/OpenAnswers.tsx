// One open question's answers: as written, or as words with how many used each.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { OpenResult } from './results';

export function OpenAnswers({ result }: { result: OpenResult }) {
  const t = useT();
  const uid = useId();
  const [words, setWords] = useState(false);
  const { item, texts } = result;
  return (
    <section aria-labelledby={`${uid}-h`} data-testid="open-answers" className="open-answers">
      <h4 id={`${uid}-h`}>{item.text}</h4>
      {texts.length === 0 ? (
        <p>{t('eval.noAnswers')}</p>
      ) : (
        <>
          <fieldset className="open-toggle">
            <legend>{t('eval.show')}</legend>
            <label className="choice">
              <input type="radio" name={`${uid}-show`} checked={!words} onChange={() => setWords(false)} />
              {t('eval.openAnswers')}
            </label>
            <label className="choice">
              <input type="radio" name={`${uid}-show`} checked={words} onChange={() => setWords(true)} />
              {t('eval.words')}
            </label>
          </fieldset>
          {words ? <WordTable result={result} /> : <AnswerList texts={texts} />}
        </>
      )}
    </section>
  );
}

function AnswerList({ texts }: { texts: string[] }) {
  const t = useT();
  return (
    <ul aria-label={t('eval.openAnswers')} className="open-answer-list">
      {texts.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

function WordTable({ result }: { result: OpenResult }) {
  const t = useT();
  return (
    <table className="word-table">
      <caption>{t('eval.words')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('eval.word')}</th>
          <th scope="col">{t('eval.wordCount')}</th>
        </tr>
      </thead>
      <tbody>
        {result.words.map((w) => (
          <tr key={w.word}>
            <th scope="row">{w.word}</th>
            <td>{w.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
