import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

type Props = {
  name: string;
  /** The name offered for saving the current state first. */
  suggested: string;
  onConfirm: (saveFirstAs: string | null) => void;
  onCancel: () => void;
};

/** Says what a restore does before it happens, and offers to keep the current state. */
export function RestoreConfirm({ name, suggested, onConfirm, onCancel }: Props) {
  const t = useT();
  const [saveFirst, setSaveFirst] = useState(true);
  const [firstName, setFirstName] = useState(suggested);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="restore-confirm" aria-labelledby="restore-heading" data-testid="restore-confirm">
      <h3 id="restore-heading" tabIndex={-1} ref={heading}>
        {t('versions.confirmTitle', { name })}
      </h3>
      <p>{t('versions.confirmText', { name })}</p>
      <label className="choice">
        <input type="checkbox" checked={saveFirst} onChange={(e) => setSaveFirst(e.target.checked)} /> {t('versions.saveFirst')}
      </label>
      {saveFirst && (
        <label>
          {t('versions.saveFirstName')}
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </label>
      )}
      <button type="button" onClick={() => onConfirm(saveFirst && firstName.trim() ? firstName.trim() : null)} data-testid="restore-confirm-button">
        {t('versions.confirm')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('versions.cancel')}
      </button>
    </section>
  );
}
