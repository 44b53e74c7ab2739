import { describe, expect, it } from 'vitest';
import { pathBoard } from '../test-boards.test-data';
import { clampEmotion, curvePath, curvePoints, emotionY, HEIGHT } from './geometry';
import { cardsIn, criticalPhases, endpointsAt, nextOrder, pathGrid, swapWithNeighbour } from './grid';

describe('service path grid', () => {
  const grid = pathGrid(pathBoard);

  it('orders phases left to right and lanes top to bottom, hidden lanes apart', () => {
    expect(grid.phases.map((p) => p.id)).toEqual(['ph1', 'ph2', 'ph3']);
    expect(grid.lanes.map((l) => l.id)).toEqual(['l-events', 'l-crit']);
    expect(grid.hiddenLanes.map((l) => l.id)).toEqual(['l-tools']);
  });

  it('puts each card in the cell of its phase and lane', () => {
    expect(cardsIn(grid, 'ph1', 'l-events').map((c) => c.id)).toEqual(['c1']);
    expect(cardsIn(grid, 'ph2', 'l-events')).toEqual([]);
    expect(endpointsAt(grid, 'ph3').map((e) => e.text)).toEqual(['Sain töitä']);
  });

  it('marks a phase critical when a card in the critical lane or a card marked critical lies there', () => {
    expect(criticalPhases(grid, pathBoard.kind === 'service_path' ? pathBoard.lanes : [])).toEqual(new Set(['ph2']));
  });

  it('moves a phase by swapping orders with its neighbour, and not past either end', () => {
    expect(swapWithNeighbour(grid.phases, 'ph2', -1)).toEqual([
      { id: 'ph2', order: 1 },
      { id: 'ph1', order: 2 },
    ]);
    expect(swapWithNeighbour(grid.phases, 'ph1', -1)).toEqual([]);
    expect(swapWithNeighbour(grid.phases, 'ph3', 1)).toEqual([]);
  });

  it('spreads equal orders apart so a move always moves', () => {
    const same = [
      { id: 'a', order: 1 },
      { id: 'b', order: 1 },
    ];
    const patches = swapWithNeighbour(same, 'a', 1);
    const order = Object.fromEntries(patches.map((p) => [p.id, p.order]));
    expect(order.a > order.b, 'a now comes after b').toBe(true);
  });

  it('adds after the last', () => {
    expect(nextOrder(grid.phases)).toBe(4);
    expect(nextOrder([])).toBe(1);
  });
});

describe('emotion curve', () => {
  it('puts +2 at the top, −2 at the bottom and 0 in the middle', () => {
    expect(emotionY(2)).toBeLessThan(emotionY(0));
    expect(emotionY(0)).toBeCloseTo(HEIGHT / 2);
    expect(emotionY(-2)).toBeGreaterThan(emotionY(0));
  });

  it('keeps values within −2 … +2', () => {
    expect(clampEmotion(5)).toBe(2);
    expect(clampEmotion(-9)).toBe(-2);
    expect(clampEmotion(Number.NaN)).toBe(0);
  });

  it('has one point per phase at the middle of its column, joined in order', () => {
    const points = curvePoints(pathGrid(pathBoard).phases, 100, 80);
    expect(points.map((p) => p.x)).toEqual([50, 150, 250]);
    expect(points.map((p) => p.value)).toEqual([1, -2, 2]);
    expect(curvePath(points)).toMatch(/^M50 [\d.]+ L150 [\d.]+ L250 [\d.]+$/);
  });
});
