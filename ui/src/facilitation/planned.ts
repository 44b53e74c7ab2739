// STAND-IN until the core's generated types land: the plan's names, to be replaced
// by imports from '../types'.
import type { ControlView, RespondentGroup } from '../types';

export type Follow = { board: string; x: number; y: number; zoom: number };
export type SilentRound = { board: string; anonymous: boolean; revealed: boolean };
export type Voting = { board: string; budget: number; hidden: boolean; revealed: boolean };
export type CafeRun = { board: string; round: number };
export type Person = { id: string; name: string; role: string; cafe_group: string | null; group: string | null };
export type SmallGroup = { id: string; name: string; members: Array<string>; board: string | null };
export type Control = Omit<ControlView, 'vote_budget' | 'votes_revealed'> & {
  follow: Follow | null;
  spotlight: string | null;
  silent: SilentRound | null;
  voting: Voting | null;
  cafe: CafeRun | null;
  people: Array<Person>;
  groups: Array<SmallGroup>;
  evaluation: string | null;
  browsers: boolean;
};
export type Draft = { id: string; board: string; text: string };
export type LocalView = { me: string | null; role: string; drafts: Array<Draft>; votes_left: number | null; my_votes: Array<string> };
export type FacilCommand =
  | { cmd: 'go_to_step'; session: string; step: string }
  | { cmd: 'start_timer'; seconds: number }
  | { cmd: 'stop_timer' }
  | { cmd: 'follow'; board: string; x: number; y: number; zoom: number }
  | { cmd: 'stop_follow' }
  | { cmd: 'lock'; id: string }
  | { cmd: 'unlock'; id: string }
  | { cmd: 'spotlight'; item: string | null }
  | { cmd: 'start_silent'; board: string; anonymous: boolean }
  | { cmd: 'reveal_silent' }
  | { cmd: 'start_voting'; board: string; budget: number; hidden: boolean }
  | { cmd: 'reveal_votes' }
  | { cmd: 'end_voting' }
  | { cmd: 'start_cafe'; board: string }
  | { cmd: 'next_cafe_round' }
  | { cmd: 'assign_cafe_group'; person: string; group: string | null }
  | { cmd: 'split_groups'; size: number; random: boolean; board: string | null }
  | { cmd: 'assign_group'; person: string; group: string | null }
  | { cmd: 'open_evaluation'; board: string }
  | { cmd: 'close_evaluation' }
  | { cmd: 'allow_browsers'; on: boolean }
  | { cmd: 'draft_memo'; session: string }
  | { cmd: 'write_draft'; board: string; text: string }
  | { cmd: 'edit_draft'; id: string; text: string }
  | { cmd: 'delete_draft'; id: string }
  | { cmd: 'cast_vote'; board: string; idea: string }
  | { cmd: 'retract_vote'; board: string; idea: string }
  | { cmd: 'answer_evaluation'; board: string; group: RespondentGroup; answers: Array<[string, number]> };
