// A text field that keeps what the person types locally and sends it to the core
// when they leave the field (or press Enter in a one-line field). While the field
// is not being edited it shows the core's value, so others' edits appear.
import { forwardRef, useRef, useState, type TextareaHTMLAttributes } from 'react';

type Props = {
  value: string;
  onCommit(value: string): void;
  /** The accessible name; leave out when a visible <label> names the field. */
  label?: string;
  multiline?: boolean;
  className?: string;
  id?: string;
  testId?: string;
  required?: boolean;
  /** Hears every keystroke's text, for hints beside the field. */
  onDraft?(value: string): void;
  /** The id of what describes the field (hints) for screen readers. */
  describedBy?: string;
} & Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows' | 'placeholder'>;

export const CommitField = forwardRef<HTMLTextAreaElement & HTMLInputElement, Props>(function CommitField(
  { value, onCommit, label, multiline, className, id, testId, required, rows, placeholder, onDraft, describedBy },
  ref,
) {
  const [draft, setDraft] = useState(value);
  // Only a new value from the core replaces the draft, and never while typing;
  // leaving the field keeps the draft until the core's answer arrives. Taken while
  // rendering, so someone else's edit shows in the same frame as it arrives.
  const editing = useRef(false);
  const [taken, setTaken] = useState(value);
  if (taken !== value) {
    setTaken(value);
    if (!editing.current) setDraft(value);
  }

  const edit = (text: string) => {
    setDraft(text);
    onDraft?.(text);
  };
  const commit = () => {
    editing.current = false;
    if (draft !== value) onCommit(draft);
  };
  const common = {
    id,
    ref,
    value: draft,
    'aria-label': label,
    'aria-required': required || undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    placeholder,
    className: `nodrag ${className ?? ''}`.trim(),
    onFocus: () => {
      editing.current = true;
    },
    onBlur: commit,
  };
  return multiline ? (
    <textarea {...common} rows={rows ?? 2} onChange={(e) => edit(e.target.value)} />
  ) : (
    <input
      {...common}
      type="text"
      onChange={(e) => edit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
});
