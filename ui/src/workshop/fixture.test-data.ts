// A small projection shaped like the core's, for tests only.
import type { WorkshopView } from '../types';

export const sampleView: WorkshopView = {
  format: 1,
  trash: [],
  meta: { title: 'Palvelupolut kuntoon', organisation: 'Hyvinvointialue', language: 'fi', version_label: 'Malliluonnos 0.3' },
  sessions: [
    {
      id: 's2', title: 'Toinen kokoontuminen', order: 2, date: '', memo: '',
      steps: [{ id: 'st3', title: 'Ideointi', instructions: 'Kirjoita ideat korteille.', questions: [], minutes: 30, order: 1, board_id: 'b3', participation: null }],
    },
    {
      id: 's1', title: 'Ensimmäinen kokoontuminen', order: 1, date: '2026-02-03', memo: 'Sovittiin aikataulu.',
      steps: [
        { id: 'st2', title: 'Persoonat', instructions: 'Tehkää persoona ryhmissä.', questions: ['Mikä on persoonan arki?'], minutes: 45, order: 2, board_id: 'b1', participation: null },
        { id: 'st1', title: 'Tutustuminen', instructions: 'Kerro nimesi.', questions: [], minutes: null, order: 1, board_id: '', participation: null },
      ],
    },
  ],
  boards: [
    { id: 'b3', kind: 'idea_wall', title: 'Ideaseinä', session_id: 's2', archived: false, order: 1, ideas: [], clusters: [], votes: [], ranking: [] },
    { id: 'b2', kind: 'service_path', title: 'Maijan polku', session_id: 's1', archived: false, order: 2, persona_id: null, phases: [], lanes: [], cards: [], endpoints: [] },
    { id: 'b1', kind: 'persona', title: 'Maija, 34', session_id: 's1', archived: false, order: 1, personas: [] },
    { id: 'b4', kind: 'free', title: 'Vanha luonnos', session_id: 's1', archived: true, order: 3, cards: [] },
    { id: 'b5', kind: 'quality_criteria', title: 'Laatukriteerit', session_id: null, archived: false, order: 1, model_id: null, criteria: [] },
  ],
  comments: [
    { id: 'c1', board_id: 'b1', target_id: '', text: 'Onko Maija liian nuori?', author: 'Aino', created_at: '2026-02-03T10:00:00Z', reply_to: '', resolved: false, round: 0 },
    { id: 'c2', board_id: 'b1', target_id: '', text: 'Ei ole.', author: 'Åke', created_at: '2026-02-03T10:05:00Z', reply_to: 'c1', resolved: false, round: 0 },
    { id: 'c3', board_id: 'b3', target_id: '', text: 'Valmis.', author: 'Aino', created_at: '2026-02-03T11:00:00Z', reply_to: '', resolved: true, round: 0 },
  ],
  control: {
    current_session: null,
    current_step: null,
    timer: null,
    locked: [],
    follow: null,
    spotlight: null,
    silent: null,
    voting: null,
    cafe: null,
    people: [],
    groups: [],
    evaluation: null,
    browsers: false,
  },
};
