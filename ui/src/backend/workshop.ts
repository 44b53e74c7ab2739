// Commands about the workshop as a whole.
import type { WorkshopView } from '../types';
import type { Transport } from './transport';

export interface WorkshopCommands {
  /** The whole projection of the open workshop. */
  workshopView(): Promise<WorkshopView>;
}

export function workshopCommands(transport: Transport): WorkshopCommands {
  return {
    workshopView: () => transport.call<WorkshopView>('workshop_view'),
  };
}
