// Commands of the "Vie" dialog: only the desktop window writes files, so only the
// Tauri transport has them; in a browser `Backend.exports` is undefined.
import type { ExportFormat } from '../types';
import type { Transport } from './transport';

/** One export as the dialog asks for it. Names and organisation are off unless turned on. */
export type ExportRequest = {
  format: ExportFormat;
  /** The board a PNG, JSON Canvas or poster draws. */
  board: string | null;
  /** A named version, or null for the workshop as it is now. */
  version: string | null;
  names: boolean;
  organisation: boolean;
  /** The report gets a page of changes from this version. */
  compareFrom: string | null;
  path: string;
};

export interface ExportCommands {
  /** A free file name in the documents folder `Paja/`, from the titles and the format. */
  defaultPath(format: ExportFormat, board: string | null): Promise<string>;
  /** Writes the export all or nothing; resolves with the written path. */
  exportWorkshop(request: ExportRequest): Promise<string>;
  /** Calls `listener` with the share done (0 to 1) while an export runs. */
  onProgress(listener: (fraction: number) => void): () => void;
  /** The system save dialog, starting at `suggested`; null when the person cancels. */
  chooseSavePath(suggested: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  /** Opens the file manager on the folder with the file selected. */
  reveal(path: string): Promise<void>;
}

export function exportCommands(transport: Transport): ExportCommands {
  return {
    defaultPath: (format, board) => transport.call<string>('default_export_path', { format, board }),
    exportWorkshop: (r) =>
      transport.call<string>('export_workshop', {
        format: r.format,
        board: r.board,
        version: r.version,
        names: r.names,
        organisation: r.organisation,
        compareFrom: r.compareFrom,
        path: r.path,
      }),
    onProgress: (listener) =>
      transport.listen('export://progress', (p) => listener((p as { fraction: number }).fraction)),
    chooseSavePath: (suggested, filter) =>
      transport.call<string | null>('plugin:dialog|save', { options: { defaultPath: suggested, filters: [filter] } }),
    reveal: (path) => transport.call<void>('plugin:opener|reveal_item_in_dir', { paths: [path] }),
  };
}
