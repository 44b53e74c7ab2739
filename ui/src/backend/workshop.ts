// Commands about the workshop: its projection, the one `execute` every edit
// goes through, stored pictures, and the view kept up to date by pushed changes.
import type { LocalView } from '../types';
import type { Command, GroupSuggestion, Neighbour, Outcome, OverTimeRow, PlainReport, RoundChanges, Trace, WorkshopView } from '../types';
import { keptView, type ViewListener } from './keptView';
import type { Transport } from './transport';

export interface WorkshopCommands {
  /** The whole projection of the open workshop. */
  workshopView(): Promise<WorkshopView>;
  /** Runs one domain command; resolves with the new id, if it made one. The new view
   * comes to `onChanged`, as everyone's changes do. */
  execute(command: Command): Promise<Outcome>;
  /** A stored picture (`media:<hash>` without the prefix) as a `data:` URL. */
  media(hash: string): Promise<string>;
  /** What only this person has: who they are, their role, drafts and own dots. */
  localView(): Promise<LocalView>;
  /** Calls `listener` with the new view whenever anyone changes the workshop, and with
   * this person's local view when the change brought it (in a browser). */
  onChanged(listener: ViewListener): () => void;
  /** Groups of alike notes on a board (or one café station); changes nothing. */
  suggestGroups(board: string, station: string | null): Promise<GroupSuggestion[]>;
  /** The notes most like one note, idea or card; changes nothing. */
  similarItems(board: string, item: string): Promise<Neighbour[]>;
  /** Plain-language hints and the readability figure of a Finnish text. */
  plainLanguage(text: string): Promise<PlainReport>;
  /** Every traced link ("mistä tämä tuli"), with the sources' labels as they are now. */
  traces(): Promise<Trace[]>;
  /** The start, middle and end evaluations side by side, small groups hidden. */
  evaluationOverTime(): Promise<OverTimeRow[]>;
  /** What changed on each operating model after each of its closed reflection rounds. */
  roundChanges(): Promise<RoundChanges[]>;
}

/** How long `execute` waits for its change after the answer (a command that changed
 * nothing sends none). */
const COMMAND_CHANGE_MS = 300;

export function workshopCommands(transport: Transport): WorkshopCommands {
  const view = keptView(transport);
  return {
    workshopView: view.fetch,
    execute: async (command) => {
      // The command's change comes as a push, which may follow its answer: the
      // caller sees the view with the change in it when `execute` resolves.
      const shown = view.nextChange(COMMAND_CHANGE_MS);
      const outcome = await transport.call<Outcome>('execute', { command });
      await shown;
      return outcome;
    },
    localView: () => transport.call<LocalView>('local_view'),
    media: (hash) => transport.call<string>('media', { hash }),
    suggestGroups: (board, station) => transport.call<GroupSuggestion[]>('suggest_groups', { board, station }),
    similarItems: (board, item) => transport.call<Neighbour[]>('similar_items', { board, item }),
    plainLanguage: (text) => transport.call<PlainReport>('plain_language', { text }),
    traces: () => transport.call<Trace[]>('traces'),
    evaluationOverTime: () => transport.call<OverTimeRow[]>('evaluation_over_time'),
    roundChanges: () => transport.call<RoundChanges[]>('round_changes'),
    onChanged: view.listen,
  };
}
