// Undo and redo for the plan (Ctrl+Z, Ctrl+Y, as on the boards: the core's Undo
// command) and the line that says what just happened, such as a deletion.
import { useEffect } from 'react';
import { typing } from '../boards/focus';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';

/** `undo`: takes back the deletion `status` tells of ("Kumoa"). */
export function PlanTools({ run, status, undo }: { run: Run; status: string; undo?: () => void }) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return;
      const key = e.key.toLowerCase();
      const cmd = key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
      if (!cmd) return;
      e.preventDefault();
      run({ cmd }).catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
  return (
    <div role="toolbar" aria-label={t('plan.tools')} className="plan-tools">
      <button type="button" onClick={() => void run({ cmd: 'undo' }).catch(() => undefined)} aria-keyshortcuts="Control+Z" data-testid="plan-undo">
        {t('host.undo')}
      </button>
      <button type="button" onClick={() => void run({ cmd: 'redo' }).catch(() => undefined)} aria-keyshortcuts="Control+Y">
        {t('host.redo')}
      </button>
      <span aria-live="polite" className="plan-status" data-testid="plan-status">
        {status}
      </span>
      {undo && (
        <button type="button" onClick={undo} data-testid="undo-delete">
          {t('plan.undoDelete')}
        </button>
      )}
    </div>
  );
}
