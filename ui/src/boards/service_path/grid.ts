// The service path as a grid: phases as columns, lanes as rows, cards in
// cells, and the orders a move writes. Pure; no React.
import type { Board, Endpoint, Lane, PathCard, Phase, ServicePathBoard } from '../../types';

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

export type PathGrid = {
  phases: Phase[];
  lanes: Lane[];
  hiddenLanes: Lane[];
  cards: PathCard[];
  endpoints: Endpoint[];
  personaId: string | null;
};

const empty: PathGrid = { phases: [], lanes: [], hiddenLanes: [], cards: [], endpoints: [], personaId: null };

export function pathGrid(board: Board): PathGrid {
  if (board.kind !== 'service_path') return empty;
  const b = board as ServicePathBoard;
  const lanes = [...b.lanes].sort(byOrder);
  return {
    phases: [...b.phases].sort(byOrder),
    lanes: lanes.filter((l) => !l.hidden),
    hiddenLanes: lanes.filter((l) => l.hidden),
    cards: [...b.cards].sort(byOrder),
    endpoints: b.endpoints,
    personaId: b.persona_id,
  };
}

export function cardsIn(grid: PathGrid, phaseId: string, laneId: string): PathCard[] {
  return grid.cards.filter((c) => c.phase_id === phaseId && c.lane_id === laneId);
}

export function endpointsAt(grid: PathGrid, phaseId: string): Endpoint[] {
  return grid.endpoints.filter((e) => e.phase_id === phaseId);
}

/** The order after the last item, for something added at the end. */
export function nextOrder(items: Array<{ order: number }>): number {
  return items.length === 0 ? 1 : Math.max(...items.map((i) => i.order)) + 1;
}

/**
 * Moving `id` one step left (−1) or right (+1) swaps its order with its
 * neighbour's: two patches. None at either end.
 */
export function swapWithNeighbour<T extends { id: string; order: number }>(
  sorted: T[],
  id: string,
  step: -1 | 1,
): Array<{ id: string; order: number }> {
  const i = sorted.findIndex((x) => x.id === id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= sorted.length) return [];
  let [a, b] = [sorted[i].order, sorted[j].order];
  // Equal orders would swap to the same place: spread them apart first.
  if (a === b) [a, b] = step === 1 ? [a, a + 1] : [a + 1, a];
  return [
    { id: sorted[i].id, order: b },
    { id: sorted[j].id, order: a },
  ];
}

/** Phases where a critical point lies: a card marked critical, or any card in the critical lane. */
export function criticalPhases(grid: PathGrid, allLanes: Lane[]): Set<string> {
  const criticalLanes = new Set(allLanes.filter((l) => l.role === 'critical').map((l) => l.id));
  return new Set(grid.cards.filter((c) => c.critical || criticalLanes.has(c.lane_id)).map((c) => c.phase_id));
}
