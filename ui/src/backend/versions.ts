// Commands of the "Versiot" panel: named versions of the open workshop, desktop only.
import type { VersionDiff, VersionInfo } from '../types';
import type { Transport } from './transport';

export interface VersionCommands {
  /** The named versions with their dates, oldest first. */
  list(): Promise<VersionInfo[]>;
  /** Saves the workshop as it is now under `name`. */
  create(name: string): Promise<void>;
  /** Brings the workshop back to `name` by ordinary edits; the new view is pushed. */
  restore(name: string): Promise<void>;
  /** What changed from `from` to `to`, per board; null is the workshop as it is now. */
  compare(from: string | null, to: string | null): Promise<VersionDiff>;
}

export function versionCommands(transport: Transport): VersionCommands {
  return {
    list: () => transport.call<VersionInfo[]>('versions'),
    create: (name) => transport.call<void>('create_version', { name }),
    restore: (name) => transport.call<void>('restore_version', { name }),
    compare: (from, to) => transport.call<VersionDiff>('compare_versions', { from, to }),
  };
}
