// What the "Vie" dialog offers, with no React: the formats, which need a board, the
// boards to choose from, and the request the choices make.
import type { ExportRequest } from '../backend/export';
import type { MessageKey } from '../i18n';
import type { Board, ExportFormat, WorkshopView } from '../types';

export const formats: readonly ExportFormat[] = ['pdf', 'poster', 'png', 'json', 'canvas', 'csv'];

export const formatLabel = (format: ExportFormat): MessageKey => `export.format.${format}`;

/** PNG draws one board; a poster may draw one (else the quality criteria), and a JSON
 * Canvas one (else every board, a group each). */
export const boardChoice = (format: ExportFormat): 'needed' | 'optional' | 'none' =>
  format === 'png' ? 'needed' : format === 'poster' || format === 'canvas' ? 'optional' : 'none';

/** What the board list's empty choice means for `format`. */
export const noBoardLabel = (format: ExportFormat): MessageKey => (format === 'canvas' ? 'export.allBoards' : 'export.posterCriteria');

/** Only the report has the names of people, the organisation and the changes page. */
export const isReport = (format: ExportFormat) => format === 'pdf';
export const showsPeople = (format: ExportFormat) => format === 'pdf' || format === 'poster' || format === 'csv';

export const extension = (format: ExportFormat) =>
  ({ pdf: 'pdf', poster: 'pdf', png: 'png', json: 'json', canvas: 'canvas', csv: 'csv' })[format];

/** The boards a person may export: the ones not archived. */
export const exportableBoards = (view: WorkshopView): Board[] => view.boards.filter((b) => !b.archived);

export type Choices = {
  format: ExportFormat;
  board: string;
  version: string;
  names: boolean;
  organisation: boolean;
  compareFrom: string;
};

/** Where the dialog starts: the report, or the board it was opened from as a picture. */
export function firstChoices(board: string | null, compareFrom = '', version = ''): Choices {
  return { format: board ? 'png' : 'pdf', board: board ?? '', version, names: false, organisation: false, compareFrom };
}

/** Another format: a format that draws one board starts from the first board. */
export function withFormat(c: Choices, format: ExportFormat, view: WorkshopView): Choices {
  const board = boardChoice(format) === 'needed' && !c.board ? (exportableBoards(view)[0]?.id ?? '') : c.board;
  return { ...c, format, board };
}

/** The board the export sends: needed, optional (empty is the default), or none. */
export function chosenBoard(c: Choices): string | null {
  const choice = boardChoice(c.format);
  return choice === 'none' || !c.board ? null : c.board;
}

/** Why the choices cannot be exported yet, or null when they can. */
export function missing(c: Choices, path: string): MessageKey | null {
  if (boardChoice(c.format) === 'needed' && !c.board) return 'export.needBoard';
  if (!path) return 'export.needPath';
  return null;
}

export function toRequest(c: Choices, path: string): ExportRequest {
  const report = isReport(c.format);
  const people = showsPeople(c.format);
  return {
    format: c.format,
    board: chosenBoard(c),
    version: c.version || null,
    names: people && c.names,
    organisation: report && c.organisation,
    compareFrom: report && c.compareFrom ? c.compareFrom : null,
    path,
  };
}
