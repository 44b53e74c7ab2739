// Runs commands for an editor and shows the last failure plainly, by its code.
import { useCallback, useState, type ReactNode } from 'react';
import { toBackendError, type BackendError } from '../backend';
import { errorText } from '../i18n/errors';
import { useT } from '../i18n';
import type { Command, Outcome } from '../types';

export function useRun(run: (cmd: Command) => Promise<Outcome>): {
  send(cmd: Command): Promise<Outcome | null>;
  error: ReactNode;
} {
  const t = useT();
  const [failure, setFailure] = useState<BackendError | null>(null);
  const send = useCallback(
    (cmd: Command) =>
      run(cmd).then(
        (outcome) => {
          setFailure(null);
          return outcome;
        },
        (err: unknown) => {
          setFailure(toBackendError(err));
          return null;
        },
      ),
    [run],
  );
  const error = failure ? (
    <div role="alert" data-error-code={failure.code}>
      <p>{t('editor.failed')}</p>
      <p>{errorText(t, failure)}</p>
    </div>
  ) : null;
  return { send, error };
}
