// The first page a browser participant sees after scanning the room's QR code:
// in plain words, what they share, with whom, and where it is kept. Then a name.
import { useId, useState } from 'react';
import type { BackendError } from '../backend';
import { useT } from '../i18n';
import { errorText } from '../i18n/errors';
import { ObserveChoice } from './ObserveChoice';

/** `code` is the room's code when a link brought it; else the person types it. */
export function JoinPage({
  code,
  refusal = null,
  onJoin,
}: {
  code: string | null;
  refusal?: BackendError | null;
  onJoin: (name: string, observer: boolean, code: string) => void;
}) {
  const t = useT();
  const uid = useId();
  const [name, setName] = useState('');
  const [typed, setTyped] = useState('');
  const ready = name.trim() && (code || typed.trim());
  const [observer, setObserver] = useState(false);
  return (
    <main className="join-page">
      <h1 data-testid="join-heading">{t('join.heading')}</h1>
      {refusal && (
        <div role="alert" className="problem" data-error-code={refusal.code}>
          {errorText(t, refusal)}
        </div>
      )}
      <section aria-labelledby={`${uid}-what`}>
        <h2 id={`${uid}-what`}>{t('join.whatHeading')}</h2>
        <ul>
          <li>{t('join.what')}</li>
          <li>{t('join.withWhom')}</li>
          <li>{t('join.encrypted')}</li>
          <li>{t('join.pageCaveat')}</li>
          <li>{t('join.where')}</li>
          <li>{t('join.notInternet')}</li>
          <li>{t('join.anonymous')}</li>
        </ul>
      </section>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onJoin(name.trim(), observer, code ?? typed);
        }}
      >
        {!code && (
          <>
            <label htmlFor={`${uid}-code`}>{t('join.code')}</label>
            <input id={`${uid}-code`} type="text" autoComplete="off" autoCapitalize="characters" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={`${uid}-code-hint`} data-testid="join-code" />
            <p className="hint" id={`${uid}-code-hint`}>
              {t('join.codeHint')}
            </p>
          </>
        )}
        <label htmlFor={`${uid}-name`}>{t('join.name')}</label>
        <input id={`${uid}-name`} type="text" autoComplete="given-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="join-name" />
        <p className="hint" id={`${uid}-hint`}>
          {t('join.nameHint')}
        </p>
        <ObserveChoice checked={observer} onChange={setObserver} />
        <button type="submit" disabled={!ready} data-testid="join-button">
          {t('join.button')}
        </button>
      </form>
    </main>
  );
}
