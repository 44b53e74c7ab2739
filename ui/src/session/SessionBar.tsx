import { useCallback, useEffect, useReducer, useState } from 'react';
import { errorText } from '../i18n/errors';
import { useT } from '../i18n';
import type { SavedRelay, WorkshopView } from '../types';
import type { SessionCommands } from '../backend/session';
import { HostDialog, type RelayControl } from './HostDialog';
import { JoinDialog } from './JoinDialog';
import type { RelayInput } from './relay';
import { RelayLine } from './RelayLine';
import { indicator, laterStatus, undoneText, whereIs } from './status';

const NAME_KEY = 'paja.displayName';

const savedName = () => {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
};

const saveName = (name: string) => {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // A window without storage asks for the name again next time.
  }
};

/** The session's status, who is here and where, and the buttons to host, join and leave. */
export function SessionBar({ session, view, board }: { session: SessionCommands; view: WorkshopView; board: string | null }) {
  const t = useT();
  const [status, setStatus] = useReducer(laterStatus, null);
  const [open, setOpen] = useState<'host' | 'join' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedRelay | null>(null);

  useEffect(() => {
    let live = true;
    session.status().then((s) => live && setStatus(s), () => undefined);
    const stop = session.onStatus((s) => live && setStatus(s));
    return () => {
      live = false;
      stop();
    };
  }, [session]);

  useEffect(() => {
    session.setPresence(board).catch(() => undefined);
  }, [session, board]);

  const refresh = useCallback(() => session.status().then(setStatus, () => undefined), [session]);

  const showHost = async () => {
    setSaved(await session.relaySettings().catch(() => null));
    setOpen('host');
  };

  const host = async () => {
    setProblem(null);
    try {
      await session.host(savedName(), false);
      await refresh();
      await showHost();
    } catch (err) {
      setProblem(errorText(t, err));
    }
  };

  const join = async (link: string, code: string, name: string, observer: boolean): Promise<string | null> => {
    saveName(name);
    try {
      setStatus(await session.join(link, code, name, observer));
      setOpen(null);
      return null;
    } catch (err) {
      return errorText(t, err);
    }
  };

  const leave = async () => {
    setOpen(null);
    setStatus(await session.leave());
  };

  const lobbyAction = (act: Promise<unknown>) => act.then(refresh, (err: unknown) => setProblem(errorText(t, err)));

  /** Changes the relay; the sentence for a refusal, or null. */
  const relayAction = async (act: () => Promise<unknown>): Promise<string | null> => {
    try {
      await act();
      await refresh();
      setSaved(await session.relaySettings().catch(() => null));
      return null;
    } catch (err) {
      return errorText(t, err);
    }
  };
  const relayControl = (relay: RelayControl['relay']): RelayControl => ({
    relay,
    saved,
    onConnect: (input: RelayInput) => relayAction(() => session.connectRelay(input.url, input.token, input.workshop)),
    onDisconnect: () => relayAction(() => session.disconnectRelay()),
  });

  if (!status) return null;
  const shown = indicator(status);
  const hosting = status.hosting;
  return (
    <section className="session-bar" aria-label={t('session.heading')}>
      {shown && (
        <p role="status" className={`session-status tone-${shown.tone}`} data-testid="session-status" data-connection={status.connection}>
          <span className="session-dot" aria-hidden="true" /> {t(shown.key, { n: shown.people })}
        </p>
      )}
      <RelayLine status={status} />
      {status.refusal && <p className="session-refusal" data-error-code={status.refusal.code}>{errorText(t, status.refusal)}</p>}
      {status.undone && (
        <p role="alert" className="session-refusal" data-testid="session-undone" data-error-code={status.undone.code}>
          {undoneText(t, status)}
        </p>
      )}
      {status.mode === 'alone' && (
        <>
          <button type="button" onClick={host} data-testid="host-session">
            {t('session.host.open')}
          </button>
          <button type="button" onClick={() => setOpen('join')} data-testid="join-session">
            {t('session.join.open')}
          </button>
        </>
      )}
      {hosting && (
        <button type="button" onClick={() => void showHost()} data-testid="show-code">
          {hosting.lobby.length > 0 ? t.plural('session.lobby.waiting', hosting.lobby.length) : t('session.host.show')}
        </button>
      )}
      {status.mode === 'joined' && (
        <button type="button" onClick={leave} data-testid="leave-session">
          {t('session.leave')}
        </button>
      )}
      {hosting && (
        <button type="button" onClick={leave} data-testid="stop-hosting">
          {t('session.host.stop')}
        </button>
      )}
      {status.mode !== 'alone' && status.presence.length > 0 && (
        <div className="presence">
          <h2 id="presence-heading">{t('session.presence', { n: status.presence.length })}</h2>
          <ul aria-labelledby="presence-heading" data-testid="presence">
            {status.presence.map((person, i) => (
              <li key={`${person.name}-${i}`}>
                <span className="presence-name">{person.name || t('session.noName')}</span>
                {person.me && ` (${t('session.me')})`}
                {person.role === 'facilitator' && ` – ${t('session.facilitator')}`}
                {': '}
                <span className="presence-board">{whereIs(person, view) ?? t('session.home')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {open === 'host' && hosting && (
        <HostDialog
          hosting={hosting}
          relay={relayControl(status.relay)}
          onAdmit={(id) => lobbyAction(session.admit(id))}
          onDeny={(id) => lobbyAction(session.deny(id))}
          onRemove={(person) => lobbyAction(session.removePerson(person))}
          onAutoAdmit={(on) => lobbyAction(session.setAutoAdmit(on))}
          onStop={leave}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'join' && <JoinDialog findHubs={session.findHubs} initialName={savedName()} onJoin={join} onClose={() => setOpen(null)} />}
    </section>
  );
}
