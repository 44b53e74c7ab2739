import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import type { FoundHub } from '../types';
import { ObserveChoice } from '../facilitation/ObserveChoice';
import { Dialog } from './Dialog';
import { normaliseCode, readJoinInput } from './status';

/** "Liity työpajaan": a hub found on the network or typed, the join code and a name. */
export function JoinDialog({
  findHubs,
  initialName,
  onJoin,
  onClose,
}: {
  findHubs: () => Promise<FoundHub[]>;
  initialName: string;
  onJoin: (link: string, code: string, name: string, observer: boolean) => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useT();
  const [hubs, setHubs] = useState<FoundHub[] | null>(null);
  const [link, setLink] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState(initialName);
  const [observer, setObserver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let open = true;
    findHubs().then(
      (found) => open && setHubs(found),
      () => open && setHubs([]),
    );
    return () => {
      open = false;
    };
  }, [findHubs]);

  const takeLink = (text: string) => {
    const read = readJoinInput(text);
    setLink(read.link);
    if (read.code) setCode(read.code);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(await onJoin(link, normaliseCode(code), name.trim(), observer));
    setBusy(false);
  };

  return (
    <Dialog title={t('session.join.title')} onClose={onClose} testId="join-dialog">
      <section aria-labelledby="found-heading">
        <h3 id="found-heading">{t('session.join.found')}</h3>
        {hubs === null && <p role="status">{t('session.join.searching')}</p>}
        {hubs?.length === 0 && <p>{t('session.join.noneFound')}</p>}
        {hubs && hubs.length > 0 && (
          <ul className="found-hubs">
            {hubs.map((hub) => (
              <li key={hub.link}>
                <button type="button" onClick={() => takeLink(hub.link)} aria-pressed={link === hub.link}>
                  {hub.address}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form onSubmit={submit}>
        <label>
          {t('session.join.address')}
          <input
            value={link}
            onChange={(e) => takeLink(e.target.value)}
            placeholder="192.168.1.20:7070"
            autoComplete="off"
            spellCheck={false}
            data-testid="join-link-input"
          />
        </label>
        <p className="hint">{t('session.join.addressHint')}</p>
        <label>
          {t('session.code')}
          <input
            value={code}
            onChange={(e) => (e.target.value.includes('://') ? takeLink(e.target.value) : setCode(e.target.value))}
            autoComplete="off"
            spellCheck={false}
            className="code-input"
            data-testid="join-code-input"
          />
        </label>
        <label>
          {t('session.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" data-testid="join-name-input" />
        </label>
        <ObserveChoice checked={observer} onChange={setObserver} />
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy || !link.trim() || !code.trim()}>
          {busy ? t('session.connecting') : t('session.join.submit')}
        </button>
      </form>
    </Dialog>
  );
}
