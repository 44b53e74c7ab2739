import { useState } from 'react';
import { useT } from '../i18n';
import { errorCode, errorText } from '../i18n/errors';
import type { RelayInput } from '../session/relay';
import { NewWorkshopForm } from './NewWorkshopForm';
import { RecentList } from './RecentList';
import { fileName, folderOf, refusalText } from './refusal';
import { ServerOpenDialog } from './ServerOpenDialog';
import type { DesktopState } from './useDesktop';

/**
 * The start screen of the desktop app: shown when no workshop is open, and from the
 * top bar's "Työpajat" on every screen. A refused file is named here in one sentence.
 */
export function StartScreen({ desktop: { desktop, now }, onContinue }: { desktop: DesktopState; onContinue: () => void }) {
  const t = useT();
  const { files } = desktop;
  const { state, refusal, busy } = now;
  const act: typeof desktop.act = (path, action) => desktop.act(path, action);
  const open = state?.open ?? null;
  const filter = t('start.fileFilter');
  const [reading, setReading] = useState(false);

  const openFile = async () => {
    const path = await files.chooseFile(t('start.openFile'), filter).catch(() => null);
    if (path) await act(path, () => files.open(path));
  };
  const saveAs = async () => {
    if (!open) return;
    const suggested = `${folderOf(open.path)}/${t('start.copyName', { title: fileName(open.path).replace(/\.paja$/, '') })}.paja`;
    const path = await files.chooseNewFile(t('start.saveAs'), filter, suggested).catch(() => null);
    if (path) await act(path, () => files.saveAs(path.endsWith('.paja') ? path : `${path}.paja`));
  };

  /** Opens a workshop from the region's server; the sentence for a refusal, or null. */
  const openFromServer = async ({ url, token, workshop }: RelayInput): Promise<string | null> => {
    try {
      await files.openFromServer(url, token, workshop);
      setReading(false);
      return null;
    } catch (err) {
      // Nothing was opened, so nothing tries again: say what to do instead.
      return errorCode(err, t) === 'relay_unreachable' ? t('read.unreachable') : errorText(t, err);
    }
  };

  return (
    <main className="start-screen" data-testid="start-screen" aria-busy={busy}>
      <h1>{t('start.title')}</h1>
      {refusal && (
        <div role="alert" className="problem" data-error-code={refusal.error.code} data-testid="start-refusal">
          <p>{refusalText(t, refusal)}</p>
          <button type="button" onClick={() => desktop.dismiss()}>
            {t('start.dismiss')}
          </button>
        </div>
      )}
      {busy && <p role="status">{t('start.working')}</p>}
      {open && (
        <section aria-labelledby="start-open">
          <h2 id="start-open">{t('start.open.heading')}</h2>
          <p>
            <strong data-testid="open-title">{open.title}</strong>{' '}
            {open.read_only ? <span className="recent-meta">{t('read.mark')}</span> : <span className="recent-meta">{fileName(open.path)}</span>}
          </p>
          <div className="start-actions">
            <button type="button" className="primary" onClick={onContinue} data-testid="continue-workshop">
              {t('start.continue')}
            </button>
            {!open.read_only && (
              <button type="button" onClick={saveAs} disabled={busy} data-testid="save-as">
                {t('start.saveAs')}
              </button>
            )}
            <button type="button" onClick={() => act(open.path, () => files.close())} disabled={busy} data-testid="close-workshop">
              {t('start.close')}
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="start-recent">
        <h2 id="start-recent">{t('start.recent.heading')}</h2>
        <RecentList recent={state?.recent ?? []} disabled={busy} onOpen={(path) => act(path, () => files.open(path))} />
      </section>
      <section aria-labelledby="start-new">
        <h2 id="start-new">{t('start.new.heading')}</h2>
        <NewWorkshopForm disabled={busy} onCreate={(title, template) => act('', () => files.newWorkshop(title, template))} />
      </section>
      <section aria-labelledby="start-more">
        <h2 id="start-more">{t('start.more.heading')}</h2>
        <div className="start-actions">
          <button type="button" onClick={openFile} disabled={busy} data-testid="open-file">
            {t('start.openFile')}
          </button>
          <button type="button" onClick={() => act('', () => files.openDemo())} disabled={busy} data-testid="open-demo">
            {t('start.demo')}
          </button>
          <button type="button" onClick={() => setReading(true)} disabled={busy} data-testid="open-from-server">
            {t('read.open')}
          </button>
        </div>
        <p>{t('start.drop')}</p>
      </section>
      {reading && <ServerOpenDialog onOpen={openFromServer} onClose={() => setReading(false)} />}
    </main>
  );
}
