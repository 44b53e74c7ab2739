import { useState } from 'react';
import type { Backend } from '../backend';
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { VersionsDialog } from '../versions/VersionsDialog';
import { ExportDialog } from './ExportDialog';

type Open = { dialog: 'none' } | { dialog: 'versions' } | { dialog: 'export'; compareFrom: string; version: string };

/**
 * "Vie" and "Versiot" in the workshop header, or "Vie taulu" on a board. Only the
 * desktop window writes files and keeps versions; a browser shows neither.
 */
export function HeaderTools({ backend, view, board = null }: { backend: Backend; view: WorkshopView; board?: string | null }) {
  const t = useT();
  const [open, setOpen] = useState<Open>({ dialog: 'none' });
  const { exports, versions } = backend;
  if (!exports) return null;
  const close = () => setOpen({ dialog: 'none' });
  return (
    <div className="header-tools">
      <button type="button" onClick={() => setOpen({ dialog: 'export', compareFrom: '', version: '' })} data-testid={board ? 'export-board-open' : 'export-open'}>
        {t(board ? 'export.openBoard' : 'export.open')}
      </button>
      {versions && !board && (
        <button type="button" onClick={() => setOpen({ dialog: 'versions' })} data-testid="versions-open">
          {t('versions.open')}
        </button>
      )}
      {open.dialog === 'export' && (
        <ExportDialog
          commands={exports}
          versions={versions}
          view={view}
          board={board}
          compareFrom={open.compareFrom}
          version={open.version}
          onClose={close}
        />
      )}
      {open.dialog === 'versions' && versions && (
        <VersionsDialog
          commands={versions}
          onExportComparison={(from, to) => setOpen({ dialog: 'export', compareFrom: from, version: to ?? '' })}
          onClose={close}
        />
      )}
    </div>
  );
}
