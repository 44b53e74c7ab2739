import { describe, expect, it } from 'vitest';
import { boardGroups, sortedSessions, sortedSteps } from './grouping';
import { sampleView } from './fixture.test-data';

describe('workshop grouping', () => {
  it('orders sessions and their steps by their order field, not by array position', () => {
    const sessions = sortedSessions(sampleView);
    expect(sessions.map((s) => s.id), 'the core sends order; the array order is incidental').toEqual(['s1', 's2']);
    expect(sortedSteps(sessions[0]).map((s) => s.id)).toEqual(['st1', 'st2']);
  });

  it('groups live boards under their session and puts workshop-wide boards last', () => {
    const groups = boardGroups(sampleView);
    expect(groups.map((g) => g.session?.id ?? null)).toEqual(['s1', 's2', null]);
    expect(groups[0].boards.map((b) => b.id), 'b4 is archived and must not be listed').toEqual(['b1', 'b2']);
  });

  it('keeps a board whose session was deleted, under the whole workshop', () => {
    const view = { ...sampleView, boards: [{ ...sampleView.boards[0], session_id: 'gone' }] };
    const groups = boardGroups(view);
    expect(groups).toHaveLength(1);
    expect(groups[0].session, 'an orphaned board is still the workshop\'s work').toBeNull();
  });
});
