import { describe, expect, it } from 'vitest';
import { sampleView } from '../workshop/fixture.test-data';
import type { Comment } from '../types';
import { commentCount, countsOn, newComment, openThreadsByBoard, targetName, threads, threadsOn } from './threads';

const c = (id: string, created_at: string, more: Partial<Comment> = {}): Comment => ({
  id, board_id: 'b1', target_id: 'p1', text: id, author: '', created_at, reply_to: '', resolved: false, round: 0, ...more,
});

describe('comment threads', () => {
  it('puts replies under the comment they answer, oldest first', () => {
    const list = [c('r2', '03', { reply_to: 'a' }), c('b', '02'), c('a', '01'), c('r1', '02', { reply_to: 'a' })];
    expect(threads(list).map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['r1', 'r2']],
      ['b', []],
    ]);
  });

  it('keeps a reply whose comment was deleted as a thread of its own', () => {
    expect(threads([c('r', '01', { reply_to: 'gone' })]).map((t) => t.comment.id)).toEqual(['r']);
  });

  it('separates comments on an item from comments on the board itself', () => {
    const list = [c('item', '01'), c('board', '02', { target_id: '' }), c('other', '03', { board_id: 'b2' })];
    expect(threadsOn(list, 'b1', 'p1').map((t) => t.comment.id)).toEqual(['item']);
    expect(threadsOn(list, 'b1', '').map((t) => t.comment.id)).toEqual(['board']);
    expect(commentCount([...list, c('reply', '04', { reply_to: 'item' })], 'b1', 'p1'), 'replies count too').toBe(2);
  });

  it('counts the comments of each item on a board, for the badges on the canvas', () => {
    const list = [c('a', '01'), c('b', '02', { reply_to: 'a' }), c('x', '03', { target_id: 'p2' }), c('board', '04', { target_id: '' }), c('o', '05', { board_id: 'b2' })];
    expect([...countsOn(list, 'b1')]).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
  });

  it('lists the open threads per board, leaving out resolved ones and boards with none', () => {
    const open = openThreadsByBoard(sampleView);
    expect(open.map((e) => e.board.id), 'b3 has only a resolved comment').toEqual(['b1']);
    expect(open[0].threads[0].replies.map((r) => r.text)).toEqual(['Ei ole.']);
  });

  it('names what a comment is about by the item title, or nothing for the board itself', () => {
    const board = { ...sampleView.boards[0], id: 'b1', kind: 'free' as const, cards: [{ id: 'k1', text: 'Kotikäynnit', color: 'yellow', pos: { x: 0, y: 0 } }] };
    expect(targetName(board as never, 'k1')).toBe('Kotikäynnit');
    expect(targetName(board as never, '')).toBeNull();
  });

  it('writes a new comment with its text trimmed, open, and a reply pointing at its thread', () => {
    const made = newComment('b1', 'k1', '  Hyvä idea  ', 'a');
    expect(made).toMatchObject({ board_id: 'b1', target_id: 'k1', text: 'Hyvä idea', reply_to: 'a', resolved: false });
  });
});
