import { useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { missingInRelay, trimmedRelay, type RelayInput } from '../session/relay';
import { RelayFields } from '../session/RelayFields';
import { Dialog } from '../session/Dialog';

/** "Avaa palvelimelta": a workshop on the region's server, opened to read only. `onOpen`
 * answers with the sentence to show when the core or the server says no. */
export function ServerOpenDialog({ onOpen, onClose }: { onOpen: (input: RelayInput) => Promise<string | null>; onClose: () => void }) {
  const t = useT();
  const [input, setInput] = useState<RelayInput>({ url: '', token: '', workshop: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingInRelay(input);
    if (missing) return setProblem(t(missing));
    setBusy(true);
    setProblem(await onOpen(trimmedRelay(input)));
    setBusy(false);
  };

  return (
    <Dialog title={t('read.title')} onClose={onClose} testId="server-open-dialog">
      <p>{t('read.intro')}</p>
      <form onSubmit={submit} noValidate>
        <RelayFields value={input} onChange={setInput} testId="server" />
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="server-open-submit">
          {busy ? t('start.working') : t('read.submit')}
        </button>
      </form>
    </Dialog>
  );
}
