// A field where people write plain language (selkokieli), with hints beside it
// as they type: long words and sentences, passive, rare cases. Hints, never verdicts.
import { useEffect, useState, type ComponentProps } from 'react';
import { CommitField } from '../boards/CommitField';
import { useT, type MessageKey } from '../i18n';
import type { PlainReport } from '../types';
import { useQueries } from '../backend/queries';

/** How long typing pauses before the hints are asked for again. */
const PAUSE_MS = 400;

type Props = Omit<ComponentProps<typeof CommitField>, 'onDraft' | 'describedBy'> & { caption: string; hintsId: string };

/** The field under its visible caption, and the hints after it (outside the label, so
 * they describe the field rather than name it). */
export function PlainField({ caption, hintsId, ...field }: Props) {
  const [text, setText] = useState(field.value);
  useEffect(() => setText(field.value), [field.value]);
  return (
    <div className="plain-field">
      <label className="field">
        <span>{caption}</span>
        <CommitField {...field} onDraft={setText} describedBy={hintsId} />
      </label>
      <PlainHints text={text} id={hintsId} />
    </div>
  );
}

export function PlainHints({ text, id }: { text: string; id: string }) {
  const t = useT();
  const tools = useQueries();
  const [report, setReport] = useState<PlainReport | null>(null);
  useEffect(() => {
    if (!tools || !text.trim()) {
      setReport(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      tools.plainLanguage(text).then(
        (r) => live && setReport(r),
        () => live && setReport(null),
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tools, text]);

  if (!report) return <div id={id} className="plain-hints" />;
  const { hints, readability } = report;
  return (
    <div id={id} className="plain-hints" data-testid="plain-hints">
      <p>
        {hints.length === 0 ? t('plain.none') : t.plural('plain.count', hints.length)}{' '}
        {t('plain.figure', { wiio: readability.wiio.toLocaleString(), words: readability.words })}
      </p>
      {hints.length > 0 && (
        <ul>
          {hints.map((h) => (
            <li key={`${h.rule}-${h.start}`}>
              <q>{h.excerpt}</q>: {t(`plain.rule.${h.rule}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
