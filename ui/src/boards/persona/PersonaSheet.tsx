import { useT, type MessageKey } from '../../i18n';
import type { Command, Outcome, Persona } from '../../types';
import { TextField } from '../TextField';
import { Avatar } from './Avatar';
import { AvatarPicker } from './AvatarPicker';
import { personaFields, valueFields } from './fields';

type Props = { board: string; persona: Persona; run: (cmd: Command) => Promise<Outcome> };

/** Every field of one persona, the value triad, and the "not a real person" note. */
export function PersonaSheet({ board, persona, run }: Props) {
  const t = useT();
  const patch = (key: string, value: string) =>
    void run({ cmd: 'patch_item', board, item_type: 'Persona', id: persona.id, patch: { [key]: value } });
  const field = (key: string) => t(`field.${key}` as MessageKey);
  return (
    <section className="persona-sheet" aria-labelledby={`sheet-${persona.id}`} data-testid="persona-sheet">
      <div className="sheet-head">
        <Avatar avatar={persona.avatar} size={96} label={persona.name} />
        <h2 id={`sheet-${persona.id}`}>{persona.name || t('persona.new')}</h2>
      </div>
      <p className="composite-note" role="note" data-testid="composite-note">
        {t('persona.note')}
      </p>
      {personaFields.map((f) => (
        <TextField
          key={f.key}
          label={field(f.key)}
          hint={f.required ? t('persona.required') : undefined}
          required={f.required}
          multiline={f.multiline}
          value={String(persona[f.key] ?? '')}
          onCommit={(v) => patch(f.key, v)}
          testId={`persona-${f.key}`}
        />
      ))}
      <fieldset className="value-triad">
        <legend>
          {t('persona.value')} <span className="hint">({t('persona.required')})</span>
        </legend>
        {valueFields.map((key) => (
          <TextField
            key={key}
            label={field(key)}
            multiline
            value={persona[key]}
            onCommit={(v) => patch(key, v)}
            testId={`persona-${key}`}
          />
        ))}
      </fieldset>
      <AvatarPicker board={board} persona={persona} run={run} />
      <button
        type="button"
        className="danger"
        onClick={() => void run({ cmd: 'delete_item', board, item_type: 'Persona', id: persona.id })}
      >
        {t('persona.delete')}
      </button>
    </section>
  );
}
