// What the node and edge components need from the editor, without prop drilling
// through xyflow: commands for one board, and which card should take focus.
import { createContext, useContext } from 'react';
import type { Polarity } from '../../types';

export type CausalActions = {
  setText(id: string, text: string): void;
  setPolarity(linkId: string, polarity: Polarity): void;
  /** The card that should take keyboard focus once it is drawn (a new why-card). */
  focusId: string | null;
  focused(id: string): void;
};

export const CausalContext = createContext<CausalActions | null>(null);

export function useCausal(): CausalActions {
  const actions = useContext(CausalContext);
  if (!actions) throw new Error('useCausal outside CausalMapEditor');
  return actions;
}
