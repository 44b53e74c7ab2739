// What every board editor gets: the board (from the core's projection), the whole
// workshop view (for links to other boards), and `run`, the only way to change
// anything. State is never kept beside the projection: after `run` resolves, the
// host re-renders with the new view.
import type { ComponentType } from 'react';
import type { Board, Command, Outcome, WorkshopView } from '../types';

export type EditorProps = {
  board: Board;
  view: WorkshopView;
  run: (cmd: Command) => Promise<Outcome>;
};

export type Editor = ComponentType<EditorProps>;
