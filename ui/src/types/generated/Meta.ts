// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
export type Meta = {
  title: string;
  organisation: string;
  language: string;
  version_label: string;
};
