// Which editor draws which board kind. The board host looks the kind up here;
// a kind with no editor yet (null) is shown by the generic list view only.
//
// To add an editor: build it in `boards/<kind>/` as a component taking
// `EditorProps`, import it below and replace that kind's `null` with it.
// Every editor gets the same three things: the board (from the core's
// projection), the whole workshop view (for links to other boards), and
// `run`, the only way to change anything. State is never kept beside the
// projection: after `run` resolves, the host re-renders with the new view.
import type { ComponentType } from 'react';
import type { Board, BoardKind, Command, Outcome, WorkshopView } from '../types';
import { CafeEditor } from './cafe/CafeEditor';
import { CausalMapEditor } from './causal_map/CausalMapEditor';
import { EvaluationEditor } from './evaluation/EvaluationEditor';
import { FreeBoardEditor } from './free/FreeBoardEditor';
import { GlossaryEditor } from './glossary/GlossaryEditor';
import { IdeaWallEditor } from './idea_wall/IdeaWallEditor';
import { OperatingModelEditor } from './operating_model/OperatingModelEditor';
import { PersonaEditor } from './persona/PersonaEditor';
import { PhenomenonEditor } from './phenomenon/PhenomenonEditor';
import { QualityEditor } from './quality_criteria/QualityEditor';
import { ServicePathEditor } from './service_path/ServicePathEditor';

export type EditorProps = {
  board: Board;
  view: WorkshopView;
  run: (cmd: Command) => Promise<Outcome>;
};

export type Editor = ComponentType<EditorProps>;

export const editors: Record<BoardKind, Editor | null> = {
  persona: PersonaEditor,
  service_path: ServicePathEditor,
  causal_map: CausalMapEditor,
  cafe: CafeEditor,
  idea_wall: IdeaWallEditor,
  free: FreeBoardEditor,
  quality_criteria: QualityEditor,
  evaluation: EvaluationEditor,
  glossary: GlossaryEditor,
  phenomenon: PhenomenonEditor,
  operating_model: OperatingModelEditor,
};

export function editorFor(kind: BoardKind): Editor | null {
  return editors[kind];
}
