import { useId } from 'react';
import { CommitField } from './CommitField';

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

/** A labelled field over a value from the core's projection; see CommitField for when it sends. */
export function TextField({ label, value, onCommit, multiline, required, hint, testId, className, hideLabel }: Props) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
        {hint && <span className="hint"> ({hint})</span>}
      </label>
      <CommitField
        id={id}
        value={value}
        onCommit={onCommit}
        multiline={multiline}
        rows={multiline ? 3 : undefined}
        required={required}
        testId={testId}
        className=""
      />
    </div>
  );
}
