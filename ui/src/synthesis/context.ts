// The core's help between sessions, for any component: suggestions and hints only
// read; accepting one goes through `run` like every other edit.
import { createContext, useContext } from 'react';
import type { WorkshopCommands } from '../backend/workshop';

export type SynthesisTools = Pick<WorkshopCommands, 'suggestGroups' | 'similarItems' | 'plainLanguage' | 'evaluationOverTime' | 'traces' | 'roundChanges'>;

export const SynthesisContext = createContext<SynthesisTools | null>(null);

export function useSynthesis(): SynthesisTools | null {
  return useContext(SynthesisContext);
}
