// One plain sentence for each way an export or a version command can fail, by the
// core's error code. Until the shared error table covers every code, unknown ones get
// a general sentence: the core's English text is never shown.
import type { MessageKey } from '../i18n';

const known: Record<string, MessageKey> = {
  write_failed: 'export.error.write',
  io: 'export.error.write',
  no_quality_criteria: 'export.error.noCriteria',
  board_needed: 'export.needBoard',
  no_such_board: 'export.error.noBoard',
  no_version: 'versions.error.missing',
  version_exists: 'versions.error.exists',
  empty_version_name: 'versions.error.empty',
};

export const errorKey = (code: string, fallback: MessageKey): MessageKey => known[code] ?? fallback;
