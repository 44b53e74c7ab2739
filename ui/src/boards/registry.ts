// Which editor draws which board kind. The board host looks the kind up here;
// a kind with no editor yet (null) is shown by the generic list view only.
//
// To add an editor: build it in `boards/<kind>/` as a component taking
// `EditorProps` (editor.ts), import it below and replace that kind's `null` with it.
import type { BoardKind } from '../types';
import type { Editor } from './editor';
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
