import type { NodeProps } from '@xyflow/react';
import { Avatar } from './Avatar';
import type { PersonaNode as PersonaNodeType } from './fields';

/** One persona on the canvas: picture, name, age and goal, as a small card. */
export function PersonaNode({ data, selected }: NodeProps<PersonaNodeType>) {
  const { persona, match } = data;
  return (
    <div className={`persona-node${selected ? ' selected' : ''}${match ? ' match' : ''}`} data-testid="persona-node">
      <Avatar avatar={persona.avatar} size={56} />
      <div>
        <p className="persona-node-name">{persona.name}</p>
        {persona.age && <p className="persona-node-age">{persona.age}</p>}
        {persona.goal && <p className="persona-node-goal">{persona.goal}</p>}
      </div>
    </div>
  );
}
