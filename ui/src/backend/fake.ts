// A test double: a Backend that answers from a projection the test controls.
// `execute` records each command and asks `answer(command, view)` for its id and the
// view after it (by default: the view unchanged), which reaches `onChanged` before
// `execute` resolves, as the core's change would; `push` plays a change made by
// someone else.
import type { LocalView } from '../types';
import type { Command, Outcome, WorkshopView } from '../types';
import type { OpenInfo, StartState } from '../types';
import type { FileCommands } from './files';
import type { ViewListener } from './keptView';
import type { Backend } from './index';
import type { BackendError } from './transport';

/** What a command made and the workshop after it, as the test decides. */
export type Answer = { id: string | null; view: WorkshopView };

export type FakeBackend = Backend & {
  commands: Command[];
  push(view: WorkshopView): void;
};

const participant: LocalView = { me: null, role: 'participant', drafts: [], votes_left: null, my_votes: [], cafe_station: null, locked: [] };

export function fakeBackend(
  view: WorkshopView,
  answer: (command: Command, view: WorkshopView) => Answer = (_c, v) => ({ id: null, view: v }),
  local: LocalView = participant,
): FakeBackend {
  let current = structuredClone(view);
  const listeners = new Set<ViewListener>();
  const tell = (next: WorkshopView) => listeners.forEach((listener) => listener(structuredClone(next)));
  const commands: Command[] = [];
  return {
    commands,
    workshopView: async () => structuredClone(current),
    execute: async (command): Promise<Outcome> => {
      commands.push(command);
      const { id, view: after } = answer(command, current);
      if (after !== current) tell(after);
      current = after;
      return { id };
    },
    localView: async () => structuredClone(local),
    media: async () => 'data:image/png;base64,',
    suggestGroups: async () => [],
    traces: async () => [],
    evaluationOverTime: async () => [],
    roundChanges: async () => [],
    similarItems: async () => [],
    plainLanguage: async () => ({ hints: [], readability: { words: 0, sentences: 0, long_words: 0, wiio: 0, words_per_sentence: 0 } }),
    onChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: (next) => {
      current = structuredClone(next);
      tell(next);
    },
  };
}

/** The start screen's test double: files at made-up paths, with the refusals a test
 * names (path → error), the path the system dialog "chooses", and `drop` for a file
 * dragged onto the window. Every call is recorded in `calls`. */
export type FakeFiles = FileCommands & {
  calls: string[];
  state: StartState;
  chosen: string | null;
  drop(path: string): void;
};

export function fakeFiles(state: StartState, refuse: Record<string, BackendError> = {}): FakeFiles {
  const opened = new Set<(info: OpenInfo) => void>();
  const closed = new Set<() => void>();
  const dropped = new Set<(path: string) => void>();
  const calls: string[] = [];
  const files: FakeFiles = {
    calls,
    state: structuredClone(state),
    chosen: null,
    drop: (path) => dropped.forEach((listener) => listener(path)),
    startState: async () => structuredClone(files.state),
    newWorkshop: async (title, template) => open(`new ${template}`, `/koti/Paja/${title}.paja`, title),
    open: async (path) => open('open', path, files.state.recent.find((r) => r.path === path)?.title ?? path),
    openDemo: async () => open('demo', '/koti/.local/share/paja/demo.paja', 'Esimerkkityöpaja'),
    openFromServer: async (url, _token, workshop) => open(`server ${url}`, `/koti/.local/share/paja/server/${workshop}.paja`, workshop, true),
    saveAs: async (path) => open('save as', path, files.state.open?.title ?? ''),
    close: async () => {
      calls.push('close');
      files.state = { ...files.state, open: null, launch: null };
      closed.forEach((listener) => listener());
    },
    revealInFolder: async (path) => void calls.push(`reveal ${path}`),
    chooseFile: async () => files.chosen,
    chooseNewFile: async () => files.chosen,
    onOpened: (listener) => listen(opened, listener),
    onClosed: (listener) => listen(closed, listener),
    onFileDropped: (listener) => listen(dropped, listener),
  };
  async function open(call: string, path: string, title: string, readOnly = false): Promise<OpenInfo> {
    calls.push(`${call} ${path}`);
    files.state = { ...files.state, launch: null };
    const refusal = refuse[path];
    if (refusal) throw refusal;
    const info = { path, title, set_aside: 0, read_only: readOnly };
    // A copy read from the server is not a file of the person's own: not a recent one.
    const others = files.state.recent.filter((r) => r.path !== path);
    const recent = readOnly ? others : [{ path, title, opened_at: '2026-03-01T09:30:00Z' }, ...others];
    files.state = { recent, open: info, launch: null };
    opened.forEach((listener) => listener(info));
    return info;
  }
  return files;
}

function listen<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => void set.delete(listener);
}
