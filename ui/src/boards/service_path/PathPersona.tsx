import { useId } from 'react';
import { useT } from '../../i18n';
import type { Command, Outcome, Persona, WorkshopView } from '../../types';
import { Avatar } from '../persona/Avatar';

type Props = { board: string; personaId: string | null; view: WorkshopView; run: (cmd: Command) => Promise<Outcome> };

/** Every persona of the workshop, from all persona boards. */
export function allPersonas(view: WorkshopView): Persona[] {
  return view.boards.flatMap((b) => (b.kind === 'persona' && !b.archived ? b.personas : []));
}

/** Whose path this is: pick a persona; the linked one is shown with picture and goal. */
export function PathPersona({ board, personaId, view, run }: Props) {
  const t = useT();
  const id = useId();
  const personas = allPersonas(view);
  const linked = personas.find((p) => p.id === personaId) ?? null;
  return (
    <div className="path-persona" data-testid="path-persona">
      <label htmlFor={id}>{t('path.persona')}</label>
      <select
        id={id}
        value={personaId ?? ''}
        onChange={(e) => void run({ cmd: 'patch_board', board, patch: { persona_id: e.target.value || null } })}
      >
        <option value="">{t('path.noPersona')}</option>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {linked && (
        <div className="linked-persona">
          <Avatar avatar={linked.avatar} size={48} />
          <div>
            <strong>{linked.name}</strong>
            {linked.age && <span>, {linked.age}</span>}
            {linked.goal && <p>{linked.goal}</p>}
          </div>
        </div>
      )}
    </div>
  );
}
