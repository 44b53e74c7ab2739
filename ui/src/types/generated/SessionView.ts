// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
import type { StepView } from './StepView';

export type SessionView = {
  id: string;
  title: string;
  order: number;
  date: string | null;
  memo: string;
  steps: Array<StepView>;
};
