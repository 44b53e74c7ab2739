// "Haluan vain seurata": joining as an observer (sivustakatsoja), who sees
// everything and writes nothing. The same choice in the desktop join dialog
// and on the browser's join page.
import { useId } from 'react';
import { useT } from '../i18n';

export function ObserveChoice({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const t = useT();
  const hint = useId();
  return (
    <div className="observe-choice">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint} data-testid="join-observe" />{' '}
        {t('observe.option')}
      </label>
      <p className="hint" id={hint}>
        {t('observe.hint')}
      </p>
    </div>
  );
}
