// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
export type Step = {
  id: string;
  title: string;
  instructions: string;
  questions: Array<string>;
  minutes: number | null;
  order: number;
};
