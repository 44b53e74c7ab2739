import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { keepMeasured } from './measured';

const node = (id: string, measured?: { width: number; height: number }): Node => ({
  id,
  position: { x: 0, y: 0 },
  data: {},
  ...(measured ? { measured } : {}),
});

describe('keepMeasured', () => {
  it('carries the size of a node that stays over to its new object', () => {
    const next = keepMeasured([node('a'), node('new')], [node('a', { width: 200, height: 90 }), node('gone', { width: 1, height: 1 })]);
    expect(next[0].measured, 'a was measured before').toEqual({ width: 200, height: 90 });
    expect(next[1].measured, 'a new node waits for xyflow to measure it').toBeUndefined();
  });
});
