// Commands the sticky notes need from the free-board editor.
import { createContext, useContext } from 'react';

export type FreeActions = {
  setText(id: string, text: string): void;
  setColor(id: string, color: string): void;
  focusId: string | null;
  focused(id: string): void;
};

export const FreeContext = createContext<FreeActions | null>(null);

export function useFree(): FreeActions {
  const actions = useContext(FreeContext);
  if (!actions) throw new Error('useFree outside FreeBoardEditor');
  return actions;
}
