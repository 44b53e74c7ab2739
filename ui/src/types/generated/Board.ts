// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
import type { BoardContent } from './BoardContent';

export type Board = {
  id: string;
  title: string;
  session_id: string | null;
  archived: boolean;
  order: number;
} & BoardContent;
