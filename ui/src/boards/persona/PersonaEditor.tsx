import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import type { EditorProps } from '../editor';
import { useBoardHost } from '../host';
import { Avatar } from './Avatar';
import { nextPosition, personasOf } from './fields';
import { PersonaCanvas } from './PersonaCanvas';
import { PersonaSheet } from './PersonaSheet';

/** The persona board: the personas as a canvas and a list, and the sheet of the open one. */
export function PersonaEditor({ board, run }: EditorProps) {
  const t = useT();
  const { matches } = useBoardHost();
  const personas = personasOf(board);
  const [open, setOpen] = useState<string | null>(personas[0]?.id ?? null);
  const current = personas.find((p) => p.id === open) ?? null;
  const [focusName, setFocusName] = useState(false);

  useEffect(() => {
    if (!focusName || !current) return;
    document.querySelector<HTMLInputElement>('[data-testid="persona-name"]')?.focus();
    setFocusName(false);
  }, [focusName, current]);

  const add = async () => {
    const outcome = await run({
      cmd: 'add_item',
      board: board.id,
      item: { type: 'Persona', name: t('persona.new'), pos: nextPosition(personas) } as never,
    });
    if (outcome.id) {
      setOpen(outcome.id);
      setFocusName(true);
    }
  };

  return (
    <div className="persona-editor">
      <div className="persona-side">
        <button type="button" className="primary" onClick={() => void add()} data-testid="persona-add">
          + {t('persona.add')}
        </button>
        <h2 id="persona-list-heading">{t('persona.personas')}</h2>
        <ul aria-labelledby="persona-list-heading" className="persona-list">
          {personas.map((p) => (
            <li key={p.id} className={matches.has(p.id) ? 'match' : undefined}>
              <button type="button" aria-current={p.id === open} onClick={() => setOpen(p.id)}>
                <Avatar avatar={p.avatar} size={32} />
                <span>{p.name || t('list.untitled')}</span>
              </button>
            </li>
          ))}
        </ul>
        <PersonaCanvas board={board} run={run} onOpen={setOpen} />
      </div>
      {current ? (
        <PersonaSheet key={current.id} board={board.id} persona={current} run={run} />
      ) : (
        <p>{t('persona.choose')}</p>
      )}
    </div>
  );
}
