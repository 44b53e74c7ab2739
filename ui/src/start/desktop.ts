// Which workshop the desktop window has open, kept apart from React so that it can be
// tested with the test double: the core's start state, a key that changes with every
// opened workshop, and the last refusal. Opens what the app was started with (a file,
// or the demo) once.
import { type BackendError, toBackendError } from '../backend';
import type { FileCommands } from '../backend/files';
import type { OpenInfo, StartState } from '../types';

/** A file the core refused, or an action on one that failed ('' when there is no file). */
export type Refusal = { path: string; error: BackendError };

export type DesktopSnapshot = {
  state: StartState | null;
  /** Changes every time a workshop is opened, so that the view is fetched again. */
  openKey: number;
  refusal: Refusal | null;
  busy: boolean;
};

export class Desktop {
  snapshot: DesktopSnapshot = { state: null, openKey: 0, refusal: null, busy: false };
  private listeners = new Set<() => void>();

  constructor(readonly files: FileCommands) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to the window's file events and opens what the app was started with;
   * `onOpened` runs after every opened workshop. Returns the stop. */
  start(onOpened: () => void): () => void {
    const { files } = this;
    const stops = [
      files.onOpened(() => {
        this.set({ openKey: this.snapshot.openKey + 1 });
        void this.refresh();
        onOpened();
      }),
      files.onClosed(() => void this.refresh()),
      files.onFileDropped((path) => void this.act(path, () => files.open(path))),
    ];
    void this.launch();
    return () => stops.forEach((stop) => stop());
  }

  /** Runs one file action; a refusal names `path` on the start screen. */
  async act(path: string, action: () => Promise<OpenInfo | void>): Promise<void> {
    this.set({ busy: true, refusal: null });
    try {
      await action();
    } catch (err) {
      this.set({ refusal: { path, error: toBackendError(err) } });
    }
    await this.refresh();
    this.set({ busy: false });
  }

  dismiss() {
    this.set({ refusal: null });
  }

  private async launch() {
    await this.refresh();
    const launch = this.snapshot.state?.launch;
    if (launch === 'demo') await this.act('', () => this.files.openDemo());
    else if (launch) await this.act(launch.file, () => this.files.open(launch.file));
  }

  private async refresh() {
    try {
      this.set({ state: await this.files.startState() });
    } catch {
      // The list stays as it was; the next action tries again.
    }
  }

  private set(change: Partial<DesktopSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    this.listeners.forEach((listener) => listener());
  }
}
