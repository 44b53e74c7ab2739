// A test double: a Backend that answers from a projection the test controls.
// `execute` records each command and answers with `answer(command, view)`
// (by default: the view unchanged); `push` plays a change made by someone else.
import type { LocalView } from '../types';
import type { Command, Outcome, WorkshopView } from '../types';
import type { Backend } from './index';

export type FakeBackend = Backend & {
  commands: Command[];
  push(view: WorkshopView): void;
};

const participant: LocalView = { me: null, role: 'participant', drafts: [], votes_left: null, my_votes: [], cafe_station: null };

export function fakeBackend(
  view: WorkshopView,
  answer: (command: Command, view: WorkshopView) => Outcome = (_c, v) => ({ id: null, view: v }),
  local: LocalView = participant,
): FakeBackend {
  let current = structuredClone(view);
  const listeners = new Set<(view: WorkshopView) => void>();
  const commands: Command[] = [];
  return {
    commands,
    workshopView: async () => structuredClone(current),
    execute: async (command) => {
      commands.push(command);
      const outcome = answer(command, current);
      current = outcome.view;
      return structuredClone(outcome);
    },
    localView: async () => structuredClone(local),
    media: async () => 'data:image/png;base64,',
    onChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: (next) => {
      current = structuredClone(next);
      for (const listener of listeners) listener(structuredClone(next));
    },
  };
}
