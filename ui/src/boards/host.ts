// What the board host shares with every editor beyond `EditorProps`: the
// search words, the selection (for copy and paste), a request to fit the view,
// and stored pictures. Editors that ignore it still work.
import { createContext, useContext } from 'react';

export type BoardHostState = {
  query: string;
  matches: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  toggleSelected: (id: string) => void;
  /** Grows by one each time the person asks to see the whole board. */
  fitRequest: number;
  media: (hash: string) => Promise<string>;
};

export const BoardHostContext = createContext<BoardHostState>({
  query: '',
  matches: new Set(),
  selected: new Set(),
  setSelected: () => undefined,
  toggleSelected: () => undefined,
  fitRequest: 0,
  media: async () => '',
});

export function useBoardHost(): BoardHostState {
  return useContext(BoardHostContext);
}
