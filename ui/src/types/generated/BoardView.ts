// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
// Each kind adds its own fields; this page reads only the common ones.
import type { BoardKind } from './BoardKind';

export type BoardView = {
  id: string;
  kind: BoardKind;
  title: string;
  session_id: string | null;
  archived: boolean;
  order: number;
};
