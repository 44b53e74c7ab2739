// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
export type CommentView = {
  id: string;
  text: string;
};
