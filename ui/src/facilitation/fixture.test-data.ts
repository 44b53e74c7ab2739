// A live session's projection for the facilitation tests: an agenda, a café with
// three stations and two groups, an idea wall, and a roster.
import { sampleView } from '../workshop/fixture.test-data';
import type { Board, ControlView, LocalView, WorkshopView } from '../types';

const base = { session_id: 's1', archived: false, order: 1 };

export const cafeBoard = {
  ...base,
  id: 'cafe',
  kind: 'cafe',
  title: 'Kahvila',
  round_minutes: 15,
  stations: [
    { id: 'st-a', question: 'Mikä auttaa arjessa?', host: 'Hanna', summary: '', order: 1 },
    { id: 'st-b', question: 'Mikä on vaikeaa?', host: '', summary: '', order: 2 },
    { id: 'st-c', question: 'Mitä toivot?', host: '', summary: '', order: 3 },
  ],
  groups: [
    { id: 'g1', name: 'Ryhmä 1', order: 1 },
    { id: 'g2', name: 'Ryhmä 2', order: 2 },
  ],
  notes: [{ id: 'n1', station_id: 'st-b', group_id: 'g2', round: 1, text: 'Jonot ovat pitkiä' }],
  rotation: [
    ['st-a', 'st-b'],
    ['st-b', 'st-c'],
    ['st-c', 'st-a'],
  ],
} as unknown as Board;

export const people = [
  { id: 'p-olli', name: 'Olli', role: 'participant', cafe_group: 'g1', group: null },
  { id: 'p-hanna', name: 'Hanna', role: 'participant', cafe_group: null, group: null },
  { id: 'facilitator', name: 'Ohjaaja', role: 'facilitator', cafe_group: null, group: null },
];

export const liveControlView: ControlView = {
  current_session: 's1',
  current_step: 'st2',
  timer: null,
  locked: [],
  follow: null,
  spotlight: null,
  silent: null,
  voting: null,
  cafe: null,
  people,
  groups: [],
  evaluation: null,
  browsers: false,
};

/** The sample workshop with a café and the live control, changed by `control`. */
export function liveView(control: Partial<ControlView> = {}): WorkshopView {
  return {
    ...sampleView,
    boards: [...sampleView.boards, cafeBoard],
    control: { ...liveControlView, ...control },
  };
}

export const localOf = (role: string, me: string | null = null, more: Partial<LocalView> = {}): LocalView => ({
  me,
  role,
  drafts: [],
  votes_left: null,
  my_votes: [],
  cafe_station: null,
  locked: [],
  ...more,
});
