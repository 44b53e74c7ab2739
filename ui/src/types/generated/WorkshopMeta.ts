// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
export type WorkshopMeta = {
  title: string;
  organisation: string;
  language: string;
  version_label: string;
};
