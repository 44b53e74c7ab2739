import { useRef } from 'react';
import { useT } from '../i18n';
import type { Hosting, RelayStatus, SavedRelay } from '../types';
import { Dialog } from './Dialog';
import type { RelayInput } from './relay';
import { RelaySection } from './RelaySection';

/** The relay to the region's server as the host dialog shows and changes it. */
export type RelayControl = {
  relay: RelayStatus | null;
  saved: SavedRelay | null;
  onConnect: (input: RelayInput) => Promise<string | null>;
  onDisconnect: () => Promise<string | null>;
};

/** "Jaa työpaja": the join code large, the QR code, the address, the lobby, who is in,
 * and the relay to the region's server. */
export function HostDialog({
  hosting,
  relay,
  onAdmit,
  onDeny,
  onRemove,
  onAutoAdmit,
  onStop,
  onClose,
}: {
  hosting: Hosting;
  relay: RelayControl;
  onAdmit: (id: number) => void;
  onDeny: (id: number) => void;
  onRemove: (person: string) => void;
  onAutoAdmit: (on: boolean) => void;
  onStop: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const lobbyHeading = useRef<HTMLHeadingElement>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);
  // The answered person's row goes away with its buttons: keep focus in the lobby.
  const answer = (act: (id: number) => void) => (id: number) => {
    lobbyHeading.current?.focus();
    act(id);
  };
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(hosting.qr_svg)}`;
  return (
    <Dialog title={t('session.host.title')} onClose={onClose} testId="host-dialog">
      <p>{t('session.host.intro')}</p>
      <p className="join-code-label">{t('session.code')}</p>
      <p className="join-code" data-testid="join-code" aria-label={`${t('session.code')}: ${hosting.code.split('').join(' ')}`}>
        {hosting.code}
      </p>
      <img className="join-qr" src={qr} alt={t('session.host.qr')} width={200} height={200} />
      <dl className="join-address">
        <dt>{t('session.address')}</dt>
        {hosting.addresses.map((a) => (
          <dd key={a} data-testid="join-address">
            {a}
          </dd>
        ))}
        <dt>{t('session.host.link')}</dt>
        <dd>
          <code data-testid="join-link">{hosting.join_link}</code>
        </dd>
      </dl>
      {hosting.browser_link && hosting.browser_qr_svg && (
        <section aria-labelledby="browser-heading" data-testid="browser-join">
          <h3 id="browser-heading">{t('session.browser.heading')}</h3>
          <p>{t('session.browser.intro')}</p>
          <img
            className="join-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(hosting.browser_qr_svg)}`}
            alt={t('session.browser.qr')}
            width={200}
            height={200}
          />
          <p>
            <code data-testid="browser-link">{hosting.browser_link}</code>
          </p>
          <p className="hint">{t('session.browser.plain')}</p>
        </section>
      )}
      <section aria-labelledby="lobby-heading">
        <h3 id="lobby-heading" tabIndex={-1} ref={lobbyHeading}>{t('session.lobby.heading')}</h3>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={hosting.auto_admit}
            onChange={(e) => onAutoAdmit(e.target.checked)}
            data-testid="auto-admit"
          />{' '}
          {t('session.autoAdmit')}
        </label>
        {hosting.lobby.length === 0 ? (
          <p>{t('session.lobby.empty')}</p>
        ) : (
          <ul className="lobby" data-testid="lobby">
            {hosting.lobby.map((person) => (
              <li key={person.id}>
                <span>{person.name || t('session.noName')}</span>{' '}
                <button type="button" onClick={() => answer(onAdmit)(person.id)} aria-label={`${t('session.admit')}: ${person.name}`}>
                  {t('session.admit')}
                </button>{' '}
                <button type="button" onClick={() => answer(onDeny)(person.id)} aria-label={`${t('session.deny')}: ${person.name}`}>
                  {t('session.deny')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-heading">
        <h3 id="members-heading" tabIndex={-1} ref={membersHeading}>{t('session.members.heading')}</h3>
        <p className="hint">{t('session.members.hint')}</p>
        {hosting.members.length === 0 ? (
          <p>{t('session.members.empty')}</p>
        ) : (
          <ul className="lobby" data-testid="members">
            {hosting.members.map((person) => (
              <li key={person.person}>
                <span>{person.name || t('session.noName')}</span>{' '}
                <button
                  type="button"
                  onClick={() => {
                    membersHeading.current?.focus();
                    onRemove(person.person);
                  }}
                  aria-label={`${t('session.remove')}: ${person.name || t('session.noName')}`}
                >
                  {t('session.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RelaySection relay={relay.relay} saved={relay.saved} onConnect={relay.onConnect} onDisconnect={relay.onDisconnect} />
      <button type="button" onClick={onStop}>
        {t('session.host.stop')}
      </button>
    </Dialog>
  );
}
