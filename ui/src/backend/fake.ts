// A test double: a Backend that answers from a fixed projection.
import type { WorkshopView } from '../types';
import type { Backend } from './index';

export function fakeBackend(view: WorkshopView): Backend {
  return {
    workshopView: async () => structuredClone(view),
  };
}
