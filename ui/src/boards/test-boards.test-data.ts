// Small boards for the pure mapping tests, shaped like the core's projection.
import type { Board } from '../types';

const base = { session_id: null, archived: false, order: 1 };
const pos = { x: 0, y: 0 };

export const personaBoard = {
  ...base,
  id: 'b-persona',
  title: 'Persoonat',
  kind: 'persona',
  personas: [
    {
      id: 'p1', name: 'Äijä Öljynen', age: '54', avatar: 'drawn:2', life_situation: 'Asuu yksin', support_needs: 'Asunto',
      strengths: '', goal: 'Oma koti', how_to_reach: '', services: '', quote: '', value_functional: 'Arki sujuu',
      value_social: '', value_emotional: '', pos: { x: 10, y: 20 }, order: 2, composite_note: 'Persoona on koottu.',
    },
    {
      id: 'p2', name: 'Åsa', age: '', avatar: null, life_situation: '', support_needs: '', strengths: '', goal: '',
      how_to_reach: '', services: '', quote: '', value_functional: '', value_social: '', value_emotional: '',
      pos, order: 1, composite_note: 'Persoona on koottu.',
    },
  ],
} as unknown as Board;

export const pathBoard = {
  ...base,
  id: 'b-path',
  title: 'Polku',
  kind: 'service_path',
  persona_id: 'p1',
  phases: [
    { id: 'ph2', name: 'Väliarviointi', duration: '1 kk', emotion: -2, order: 2 },
    { id: 'ph1', name: 'Alku', duration: '', emotion: 1, order: 1 },
    { id: 'ph3', name: 'Loppu', duration: '12 kk', emotion: 5, order: 3 },
  ],
  lanes: [
    { id: 'l-events', name: 'Mitä tapahtuu', role: 'events', hidden: false, order: 1 },
    { id: 'l-crit', name: 'Kriittiset pisteet', role: 'critical', hidden: false, order: 3 },
    { id: 'l-tools', name: 'Välineet', role: 'tools', hidden: true, order: 2 },
  ],
  cards: [
    { id: 'c1', phase_id: 'ph1', lane_id: 'l-events', text: 'Ensikäynti', critical: false, order: 1 },
    { id: 'c2', phase_id: 'ph2', lane_id: 'l-crit', text: 'Jono', critical: false, order: 2 },
    { id: 'c3', phase_id: 'ph3', lane_id: 'l-events', text: 'Työ', critical: false, order: 3 },
  ],
  endpoints: [{ id: 'e1', kind: 'exit', phase_id: 'ph3', text: 'Sain töitä' }],
} as unknown as Board;
