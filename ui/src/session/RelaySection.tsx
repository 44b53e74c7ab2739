import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import type { RelayStatus, SavedRelay } from '../types';
import { missingInRelay, relaySentence, trimmedRelay, type RelayInput } from './relay';
import { RelayFields } from './RelayFields';

/** The host dialog's "Alueen palvelin": where the published workshop is relayed, the
 * state in words, and Yhdistä / Katkaise. `onConnect` and `onDisconnect` answer with
 * the sentence to show when the core says no. */
export function RelaySection({
  relay,
  saved,
  onConnect,
  onDisconnect,
}: {
  relay: RelayStatus | null;
  saved: SavedRelay | null;
  onConnect: (input: RelayInput) => Promise<string | null>;
  onDisconnect: () => Promise<string | null>;
}) {
  const t = useT();
  const [input, setInput] = useState<RelayInput>({ url: saved?.url ?? '', token: '', workshop: saved?.workshop ?? '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tokenSaved = saved?.token_saved ?? false;
  const connect = useRef<HTMLButtonElement>(null);
  // Katkaise goes away with the relay: focus stays in the section, on Yhdistä.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !busy && !relay) {
      connect.current?.focus();
      setRefocus(false);
    }
  }, [refocus, busy, relay]);

  const act = async (run: () => Promise<string | null>) => {
    setBusy(true);
    setProblem(await run());
    setBusy(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = missingInRelay(input, tokenSaved);
    if (missing) setProblem(t(missing));
    else void act(() => onConnect(trimmedRelay(input)));
  };

  return (
    <section aria-labelledby="relay-heading" data-testid="relay-section">
      <h3 id="relay-heading">{t('relay.heading')}</h3>
      <p className="hint">{t('relay.intro')}</p>
      <p role="status" data-testid="relay-state" data-relay={relay?.state ?? 'off'}>
        {relaySentence(t, relay)}
      </p>
      <form onSubmit={submit} noValidate>
        <RelayFields value={input} onChange={setInput} tokenSaved={tokenSaved} testId="relay" />
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" ref={connect} disabled={busy} data-testid="relay-connect">
          {t('relay.connect')}
        </button>{' '}
        {relay && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setRefocus(true);
              void act(onDisconnect);
            }}
            data-testid="relay-disconnect"
          >
            {t('relay.disconnect')}
          </button>
        )}
      </form>
    </section>
  );
}
