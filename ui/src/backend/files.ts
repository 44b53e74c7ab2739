// Commands of the start screen: which workshop the window has open. Only the desktop
// window has files, so only the Tauri transport gives them; in a browser
// `Backend.files` is undefined.
import type { OpenInfo, StartState } from '../types';
import type { Transport } from './transport';

export type Template = 'paku' | 'empty';

export interface FileCommands {
  /** The recent workshops, the open one, and what the app was started to open. */
  startState(): Promise<StartState>;
  /** A new workshop from a template, in the documents folder's `Paja/`. */
  newWorkshop(title: string, template: Template): Promise<OpenInfo>;
  open(path: string): Promise<OpenInfo>;
  openDemo(): Promise<OpenInfo>;
  /** A workshop on the region's server, to read only: its copy is kept on this computer. */
  openFromServer(url: string, token: string, workshop: string): Promise<OpenInfo>;
  /** Copies the open workshop into a new file and goes on there. */
  saveAs(path: string): Promise<OpenInfo>;
  /** Ends any session and closes the workshop. */
  close(): Promise<void>;
  /** Shows the file's folder in the system's file manager. */
  revealInFolder(path: string): Promise<void>;
  /** The system dialog to choose a `.paja` file; null when the person cancels. */
  chooseFile(title: string, filterName: string): Promise<string | null>;
  /** The system dialog to name a new `.paja` file; null when the person cancels. */
  chooseNewFile(title: string, filterName: string, suggested: string): Promise<string | null>;
  onOpened(listener: (info: OpenInfo) => void): () => void;
  onClosed(listener: () => void): () => void;
  /** A file dropped on the window (the core says if it is not a workshop). */
  onFileDropped(listener: (path: string) => void): () => void;
}

const pajaFilter = (name: string) => [{ name, extensions: ['paja'] }];

export function fileCommands(transport: Transport): FileCommands {
  return {
    startState: () => transport.call<StartState>('start_state'),
    newWorkshop: (title, template) => transport.call<OpenInfo>('new_workshop', { title, template }),
    open: (path) => transport.call<OpenInfo>('open_workshop', { path }),
    openDemo: () => transport.call<OpenInfo>('open_demo'),
    openFromServer: (url, token, workshop) => transport.call<OpenInfo>('open_from_server', { url, token, workshop }),
    saveAs: (path) => transport.call<OpenInfo>('save_workshop_as', { path }),
    close: () => transport.call<void>('close_workshop'),
    revealInFolder: (path) => transport.call<void>('plugin:opener|reveal_item_in_dir', { paths: [path] }),
    // The dialog plugin's own commands, as its JavaScript package calls them.
    chooseFile: (title, filterName) =>
      transport.call<string | null>('plugin:dialog|open', { options: { title, filters: pajaFilter(filterName), multiple: false, directory: false } }),
    chooseNewFile: (title, filterName, suggested) =>
      transport.call<string | null>('plugin:dialog|save', { options: { title, filters: pajaFilter(filterName), defaultPath: suggested } }),
    onOpened: (listener) => transport.listen('workshop://opened', (info) => listener(info as OpenInfo)),
    onClosed: (listener) => transport.listen('workshop://closed', () => listener()),
    onFileDropped: (listener) =>
      transport.listen('tauri://drag-drop', (payload) => {
        const paths = (payload as { paths?: unknown }).paths;
        const path = Array.isArray(paths) ? paths[0] : undefined;
        if (typeof path === 'string') listener(path);
      }),
  };
}
