import { useId } from 'react';
import { useT } from '../i18n';
import type { RelayInput } from './relay';

/** The server's address, the workshop's name there and the token: what both the host
 * dialog's "Alueen palvelin" and the start screen's "Avaa palvelimelta" ask for. */
export function RelayFields({
  value,
  onChange,
  tokenSaved = false,
  testId,
}: {
  value: RelayInput;
  onChange: (next: RelayInput) => void;
  tokenSaved?: boolean;
  testId: string;
}) {
  const t = useT();
  const [addressHint, tokenHint] = [useId(), useId()];
  const set = (key: keyof RelayInput) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <label>
        {t('relay.address')}
        <input
          value={value.url}
          onChange={set('url')}
          aria-describedby={addressHint}
          autoComplete="url"
          spellCheck={false}
          inputMode="url"
          data-testid={`${testId}-address`}
        />
      </label>
      <p className="hint" id={addressHint}>
        {t('relay.addressHint')}
      </p>
      <label>
        {t('relay.workshop')}
        <input value={value.workshop} onChange={set('workshop')} autoComplete="off" spellCheck={false} data-testid={`${testId}-workshop`} />
      </label>
      <label>
        {t('relay.token')}
        <input
          type="password"
          value={value.token}
          onChange={set('token')}
          aria-describedby={tokenSaved ? tokenHint : undefined}
          autoComplete="off"
          data-testid={`${testId}-token`}
        />
      </label>
      {tokenSaved && (
        <p className="hint" id={tokenHint}>
          {t('relay.tokenSaved')}
        </p>
      )}
    </>
  );
}
