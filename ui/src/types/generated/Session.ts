// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
import type { Step } from './Step';

export type Session = {
  id: string;
  title: string;
  order: number;
  /** ISO date, or empty when not planned yet. */
  date: string;
  memo: string;
  steps: Array<Step>;
};
