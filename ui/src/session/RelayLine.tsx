import { useT } from '../i18n';
import { errorText } from '../i18n/errors';
import type { LiveStatus } from '../types';
import { relayBadge } from './relay';

/** The session bar's word on the region's server: "Vain luku" for a copy read from it,
 * the relay's state, and the one sentence why when it was refused. */
export function RelayLine({ status }: { status: LiveStatus }) {
  const t = useT();
  const relay = status.relay;
  const badge = relay && relayBadge(relay);
  return (
    <>
      {status.mode === 'reading' && (
        <p className="read-only-mark" data-testid="read-only-mark">
          <strong>{t('read.mark')}</strong> {t('read.note')}
        </p>
      )}
      {relay && badge && (
        <p role="status" className={`session-status tone-${badge.tone}`} data-testid="relay-status" data-relay={relay.state}>
          <span className="session-dot" aria-hidden="true" /> {t(badge.key)}
        </p>
      )}
      {relay?.state === 'refused' && relay.refusal && (
        <p className="session-refusal" data-testid="relay-refusal" data-error-code={relay.refusal.code}>
          {errorText(t, relay.refusal)}
        </p>
      )}
    </>
  );
}
