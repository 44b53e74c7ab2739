import { useCallback, useContext, useEffect, useState, type FormEvent } from 'react';
import { BackendError } from '../backend';
import type { VersionCommands } from '../backend/versions';
import { errorKey } from '../export/errors';
import { LanguageContext, useT } from '../i18n';
import { Dialog } from '../session/Dialog';
import type { VersionInfo } from '../types';
import { CompareView } from './CompareView';
import { versionDate } from './diffList';
import { RestoreConfirm } from './RestoreConfirm';

type Props = {
  commands: VersionCommands;
  onExportComparison: (from: string, to: string | null) => void;
  onClose: () => void;
};

const codeOf = (err: unknown) => (err instanceof BackendError ? err.code : 'unknown');

/** "Versiot": make a named version, list them with their dates, restore one, compare. */
export function VersionsDialog({ commands, onExportComparison, onClose }: Props) {
  const t = useT();
  const lang = useContext(LanguageContext);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [name, setName] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  const reload = useCallback(() => commands.list().then(setVersions, (err: unknown) => setProblem(codeOf(err))), [commands]);
  useEffect(() => void reload(), [reload]);

  const act = async (work: () => Promise<void>, done: string) => {
    setProblem(null);
    setSaid(null);
    try {
      await work();
      setSaid(done);
      await reload();
      return true;
    } catch (err) {
      setProblem(codeOf(err));
      return false;
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (await act(() => commands.create(trimmed), t('versions.created', { name: trimmed }))) setName('');
  };

  const restore = async (version: string, saveFirst: string | null) => {
    setRestoring(null);
    const work = async () => {
      if (saveFirst) await commands.create(saveFirst);
      await commands.restore(version);
    };
    await act(work, t('versions.restored', { name: version }));
  };

  return (
    <Dialog title={t('versions.title')} onClose={onClose} testId="versions-dialog">
      <p>{t('versions.intro')}</p>
      <form onSubmit={(e) => void create(e)}>
        <label>
          {t('versions.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="version-name" data-autofocus />
        </label>
        <button type="submit">{t('versions.create')}</button>
      </form>
      <p role="status" data-testid="versions-said">
        {said}
      </p>
      {problem && (
        <p role="alert" data-error-code={problem} data-testid="versions-problem">
          {t(errorKey(problem, 'versions.error.general'))}
        </p>
      )}
      {restoring && (
        <RestoreConfirm
          name={restoring}
          suggested={t('versions.beforeRestore', { date: versionDate(new Date().toISOString(), lang) })}
          onConfirm={(saveFirst) => void restore(restoring, saveFirst)}
          onCancel={() => setRestoring(null)}
        />
      )}
      <section aria-labelledby="versions-list-heading">
        <h3 id="versions-list-heading">{t('versions.list')}</h3>
        {versions?.length === 0 && <p>{t('versions.empty')}</p>}
        {versions && versions.length > 0 && (
          <ul className="versions" data-testid="versions-list">
            {versions.map((v) => (
              <li key={v.name}>
                <span className="version-name">{v.name}</span> <time dateTime={v.created_at}>{versionDate(v.created_at, lang)}</time>{' '}
                <button type="button" onClick={() => setRestoring(v.name)} aria-label={t('versions.restoreLabel', { name: v.name })}>
                  {t('versions.restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {versions && versions.length > 0 && <CompareView commands={commands} versions={versions} onExport={onExportComparison} />}
    </Dialog>
  );
}
