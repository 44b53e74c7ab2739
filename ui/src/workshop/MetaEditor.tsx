// The workshop's own details: its name, the organiser (left out of exports unless
// chosen there) and the version label, folded under its heading.
import { CommitField } from '../boards/CommitField';
import { useRun } from '../boards/useRun';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Meta } from '../types';

export function MetaEditor({ meta, run }: { meta: Meta; run: Run }) {
  const t = useT();
  const { send, error } = useRun(run);
  const patch = (key: keyof Meta) => (value: string) => void send({ cmd: 'patch_meta', patch: { [key]: value.trim() } });
  return (
    <details className="meta-editor">
      <summary>
        <h2>{t('plan.meta.heading')}</h2>
      </summary>
      {error}
      <label>
        {t('plan.meta.title')} <CommitField value={meta.title} onCommit={patch('title')} testId="meta-title" required />
      </label>
      <label>
        {t('workshop.organisation')}{' '}
        <CommitField value={meta.organisation} onCommit={patch('organisation')} testId="meta-organisation" />
      </label>
      <p className="hint">{t('plan.meta.organisationHint')}</p>
      <label>
        {t('workshop.version')} <CommitField value={meta.version_label} onCommit={patch('version_label')} testId="meta-version" />
      </label>
    </details>
  );
}
