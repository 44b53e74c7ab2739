// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
export type Comment = {
  id: string;
  board_id: string;
  target_id: string;
  text: string;
  author: string;
  created_at: string;
};
