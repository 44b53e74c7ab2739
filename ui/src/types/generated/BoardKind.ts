// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
export type BoardKind =
  | 'persona'
  | 'service_path'
  | 'causal_map'
  | 'cafe'
  | 'idea_wall'
  | 'free'
  | 'quality_criteria'
  | 'evaluation';
