import { useState } from 'react';
import { BackendError } from '../backend';
import type { VersionCommands } from '../backend/versions';
import { errorKey } from '../export/errors';
import { useT } from '../i18n';
import type { VersionDiff, VersionInfo } from '../types';
import { diffBoards, fieldNames } from './diffList';

type Props = {
  commands: VersionCommands;
  versions: VersionInfo[];
  /** "Vie vertailu raporttiin": the report from version `from` with its changes page. */
  onExport: (from: string, to: string | null) => void;
};

/** Compare two versions, or a version and now: per board, what was added, removed and changed. */
export function CompareView({ commands, versions, onExport }: Props) {
  const t = useT();
  const [from, setFrom] = useState(versions[versions.length - 1]?.name ?? '');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const label = (name: string) => name || t('export.now');

  const show = async () => {
    setProblem(null);
    try {
      setDiff(await commands.compare(from || null, to || null));
    } catch (err) {
      setDiff(null);
      setProblem(err instanceof BackendError ? err.code : 'unknown');
    }
  };

  const choose = (value: string, set: (v: string) => void) => {
    set(value);
    setDiff(null);
  };
  const options = (
    <>
      <option value="">{t('export.now')}</option>
      {versions.map((v) => (
        <option key={v.name} value={v.name}>
          {v.name}
        </option>
      ))}
    </>
  );

  return (
    <section aria-labelledby="compare-heading" data-testid="compare">
      <h3 id="compare-heading">{t('compare.heading')}</h3>
      <div className="compare-choices">
        <label>
          {t('compare.from')}
          <select value={from} onChange={(e) => choose(e.target.value, setFrom)} data-testid="compare-from">
            {options}
          </select>
        </label>
        <label>
          {t('compare.to')}
          <select value={to} onChange={(e) => choose(e.target.value, setTo)} data-testid="compare-to">
            {options}
          </select>
        </label>
      </div>
      <button type="button" onClick={() => void show()} data-testid="compare-show">
        {t('compare.show')}
      </button>
      {problem && (
        <p role="alert" data-error-code={problem}>
          {t(errorKey(problem, 'versions.error.general'))}
        </p>
      )}
      {diff && <DiffList diff={diff} label={label} />}
      {diff && (
        <p>
          <button type="button" onClick={() => onExport(from, to || null)} disabled={!from} aria-describedby={from ? undefined : 'compare-need-version'}>
            {t('compare.export')}
          </button>
          {!from && (
            <span id="compare-need-version" className="hint">
              {' '}
              {t('compare.needVersion')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}

/** The comparison's result: a heading per board, then plain lists. */
export function DiffList({ diff, label }: { diff: VersionDiff; label: (name: string) => string }) {
  const t = useT();
  const boards = diffBoards(diff);
  return (
    <div className="diff" data-testid="diff" role="region" aria-labelledby="diff-heading" tabIndex={0}>
      <h4 id="diff-heading">{t('compare.result', { from: label(diff.from), to: label(diff.to) })}</h4>
      {boards.length === 0 && <p>{t('compare.none')}</p>}
      {boards.map((b) => (
        <section key={b.id} aria-labelledby={`diff-${b.id}`}>
          <h5 id={`diff-${b.id}`}>
            {b.title || t('compare.noLabel')} <span className="hint">({t(b.change)})</span>
          </h5>
          {b.sections.map((s) => (
            <div key={s.key}>
              <p className="diff-kind">{t(s.heading)}</p>
              <ul>
                {s.lines.map((line) => (
                  <li key={`${s.key}-${line.id}`}>
                    {line.label || t('compare.noLabel')}
                    {s.key === 'changed' && line.fields.length > 0 && (
                      <span className="hint"> – {t('compare.fields', { fields: fieldNames(t, line.fields) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
