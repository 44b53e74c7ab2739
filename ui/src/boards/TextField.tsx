import { useEffect, useId, useState } from 'react';

type Props = {
  label: string;
  value: string;
  /** Called once when the person leaves the field (or presses Enter in one line) with a changed value. */
  onCommit: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  hint?: string;
  testId?: string;
  className?: string;
  hideLabel?: boolean;
};

/**
 * A labelled text field over a value from the core's projection. While the
 * person types, the draft is theirs; when they leave the field it is sent as one
 * command, and the field shows the projection again (with others' edits).
 */
export function TextField({ label, value, onCommit, multiline, required, hint, testId, className, hideLabel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };
  const common = {
    id,
    value: draft,
    'data-testid': testId,
    'aria-required': required || undefined,
    onFocus: () => setEditing(true),
    onBlur: commit,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
        {hint && <span className="hint"> ({hint})</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </div>
  );
}
