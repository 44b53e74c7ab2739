// The commands of the live session, as the core's `Command` names them.
import type { Command, Outcome } from '../types';

export type Run = (cmd: Command) => Promise<Outcome>;

/** One facilitation command (the facilitator's, or a participant's own). */
export type FacilCommand = Extract<
  Command,
  {
    cmd:
      | 'go_to_step' | 'start_timer' | 'stop_timer' | 'follow' | 'stop_follow' | 'lock' | 'unlock' | 'spotlight'
      | 'start_silent' | 'reveal_silent' | 'start_voting' | 'reveal_votes' | 'end_voting' | 'start_cafe'
      | 'next_cafe_round' | 'assign_cafe_group' | 'split_groups' | 'assign_group' | 'open_evaluation'
      | 'close_evaluation' | 'allow_browsers' | 'draft_memo' | 'write_draft' | 'edit_draft' | 'delete_draft'
      | 'cast_vote' | 'retract_vote' | 'answer_evaluation';
  }
>;
