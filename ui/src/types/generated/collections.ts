// Generated from src/model/schema.rs by `cargo test`; do not edit.
import type { BoardKind } from './BoardKind';
import type { ItemType } from './ItemType';

export const itemCollections: Record<BoardKind, { key: string; itemType: ItemType }[]> = {
  glossary: [{ key: 'terms', itemType: 'Term' }],
  persona: [{ key: 'personas', itemType: 'Persona' }],
  service_path: [{ key: 'phases', itemType: 'Phase' }, { key: 'lanes', itemType: 'Lane' }, { key: 'cards', itemType: 'PathCard' }, { key: 'endpoints', itemType: 'Endpoint' }],
  causal_map: [{ key: 'nodes', itemType: 'CausalNode' }, { key: 'links', itemType: 'CausalLink' }],
  cafe: [{ key: 'stations', itemType: 'Station' }, { key: 'groups', itemType: 'CafeGroup' }, { key: 'notes', itemType: 'CafeNote' }],
  idea_wall: [{ key: 'ideas', itemType: 'Idea' }, { key: 'clusters', itemType: 'Cluster' }, { key: 'votes', itemType: 'Vote' }],
  phenomenon: [{ key: 'entries', itemType: 'Entry' }],
  operating_model: [{ key: 'elements', itemType: 'ModelElement' }, { key: 'parts', itemType: 'PhasePart' }, { key: 'interfaces', itemType: 'Interface' }],
  free: [{ key: 'cards', itemType: 'FreeCard' }],
  quality_criteria: [{ key: 'criteria', itemType: 'Criterion' }],
  evaluation: [{ key: 'items', itemType: 'EvalItem' }, { key: 'answers', itemType: 'Answer' }],
};

export const computedKeys = ['composite_note', 'root_causes', 'loops', 'ranking', 'rotation', 'results'] as const;
