// The operating model (toimintamalli) as one form, read top to bottom: the model in
// brief, its principles, ways of working and numbered phases with what each holds,
// its interfaces with other models, and the reflection rounds on the draft.
import { TraceScopeContext } from '../../traces/scope';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { ElementSection } from './ElementSection';
import { InterfaceSection } from './InterfaceSection';
import { ModelBasics } from './ModelBasics';
import { elementKinds } from './model';
import { RoundsPanel } from './RoundsPanel';
import './operating-model.css';

export function OperatingModelEditor({ board, view, run }: EditorProps) {
  const { send, error } = useRun(run);
  const m = boardOf(board, 'operating_model');
  if (!m) return null;
  return (
    <TraceScopeContext.Provider value={{ board: m.id, view, run }}>
      <div className="editor operating-model" data-testid="operating-model">
        {error}
        <ModelBasics m={m} send={send} />
        {elementKinds.map((kind) => (
          <ElementSection key={kind} kind={kind} m={m} send={send} comments={view.comments} run={run} />
        ))}
        <InterfaceSection m={m} send={send} />
        <RoundsPanel m={m} view={view} send={send} />
      </div>
    </TraceScopeContext.Provider>
  );
}
