import { useEffect, useState } from 'react';
import type { ExportCommands } from '../backend/export';
import type { VersionCommands } from '../backend/versions';
import { useT } from '../i18n';
import { Dialog } from '../session/Dialog';
import type { VersionInfo, WorkshopView } from '../types';
import { boardChoice, exportableBoards, noBoardLabel, firstChoices, formatLabel, formats, isReport, missing, showsPeople, withFormat, type Choices } from './choices';
import { errorKey } from './errors';
import { useExport } from './useExport';

type Props = {
  commands: ExportCommands;
  versions?: VersionCommands;
  view: WorkshopView;
  /** Opened from a board ("Vie taulu"): that board, as a picture. */
  board?: string | null;
  /** Opened from a comparison: the report of `version` with the changes from `compareFrom`. */
  compareFrom?: string;
  version?: string;
  onClose: () => void;
};

/** "Vie": the report, the poster, a board as PNG, JSON, JSON Canvas or CSV, to a file. */
export function ExportDialog({ commands, versions, view, board = null, compareFrom = '', version = '', onClose }: Props) {
  const t = useT();
  const [choices, setChoices] = useState<Choices>(() => firstChoices(board, compareFrom, version));
  const [named, setNamed] = useState<VersionInfo[]>([]);
  const { path, phase, change, start, reset } = useExport(commands, choices);
  const running = phase.state === 'running';
  const notReady = missing(choices, path);

  useEffect(() => {
    versions?.list().then(setNamed, () => setNamed([]));
  }, [versions]);

  const choose = (next: Choices) => {
    setChoices(next);
    reset();
  };
  const set = (patch: Partial<Choices>) => choose({ ...choices, ...patch });
  const boardUse = boardChoice(choices.format);

  return (
    <Dialog title={t('export.title')} onClose={onClose} testId="export-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset disabled={running} className="export-choices">
          <legend>{t('export.what')}</legend>
          {formats.map((f) => (
            <label key={f} className="choice">
              <input type="radio" name="export-format" value={f} checked={choices.format === f} onChange={() => choose(withFormat(choices, f, view))} />{' '}
              {t(formatLabel(f))}
            </label>
          ))}
        </fieldset>
        {boardUse !== 'none' && (
          <label>
            {t('export.board')}
            <select value={choices.board} onChange={(e) => set({ board: e.target.value })} disabled={running} data-testid="export-board">
              {boardUse === 'optional' && <option value="">{t(noBoardLabel(choices.format))}</option>}
              {exportableBoards(view).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('export.version')}
          <select value={choices.version} onChange={(e) => set({ version: e.target.value })} disabled={running} data-testid="export-version">
            <option value="">{t('export.now')}</option>
            {named.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        {isReport(choices.format) && named.length > 0 && (
          <label>
            {t('export.compareFrom')}
            <select value={choices.compareFrom} onChange={(e) => set({ compareFrom: e.target.value })} disabled={running} data-testid="export-compare">
              <option value="">{t('export.noCompare')}</option>
              {named.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {showsPeople(choices.format) && (
          <fieldset disabled={running} className="export-privacy">
            <legend>{t('export.privacy')}</legend>
            <label className="choice">
              <input type="checkbox" checked={choices.names} onChange={(e) => set({ names: e.target.checked })} /> {t('export.names')}
            </label>
            {isReport(choices.format) && (
              <label className="choice">
                <input type="checkbox" checked={choices.organisation} onChange={(e) => set({ organisation: e.target.checked })} />{' '}
                {t('export.organisation')}
              </label>
            )}
          </fieldset>
        )}
        <p className="export-target">
          <span id="export-file-label">{t('export.file')}</span>{' '}
          <output aria-labelledby="export-file-label" data-testid="export-path">{path}</output>{' '}
          <button type="button" onClick={() => void change(t(formatLabel(choices.format)))} disabled={running}>
            {t('export.change')}
          </button>
        </p>
        {notReady && <p className="hint">{t(notReady)}</p>}
        <button type="submit" disabled={running || !!notReady} data-testid="export-start">
          {t('export.start')}
        </button>
      </form>
      <ExportPhase phase={phase} onReveal={(p) => void commands.reveal(p)} />
    </Dialog>
  );
}

function ExportPhase({ phase, onReveal }: { phase: ReturnType<typeof useExport>['phase']; onReveal: (path: string) => void }) {
  const t = useT();
  if (phase.state === 'running') {
    const value = phase.fraction ?? undefined;
    return (
      <p role="status">
        <label>
          {t('export.running')}
          <progress max={1} value={value} data-testid="export-progress" />
        </label>
      </p>
    );
  }
  if (phase.state === 'done') {
    return (
      <div role="status" data-testid="export-done">
        <p>
          {t('export.done')} <span className="export-written">{phase.path}</span>
        </p>
        <button type="button" onClick={() => onReveal(phase.path)}>
          {t('export.reveal')}
        </button>
      </div>
    );
  }
  if (phase.state === 'failed') {
    return (
      <p role="alert" data-error-code={phase.code} data-testid="export-failed">
        {t(errorKey(phase.code, 'export.error.general'))}
      </p>
    );
  }
  return null;
}
