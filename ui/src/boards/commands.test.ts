import { describe, expect, it } from 'vitest';
import { addItem, deleteItem, moveItem, patchBoard, patchItem } from './commands';

describe('board command builders', () => {
  it('leaves the new item id empty for the core to fill', () => {
    expect(addItem('b', { type: 'Vote', idea_id: 'i', voter: null })).toEqual({
      cmd: 'add_item',
      board: 'b',
      item: { id: '', type: 'Vote', idea_id: 'i', voter: null },
    });
  });

  it('rounds a dragged position to whole pixels, so a drop is one small stored value', () => {
    expect(moveItem('b', 'CausalNode', 'n', { x: 10.6, y: -3.2 })).toMatchObject({ cmd: 'move_item', pos: { x: 11, y: -3 } });
  });

  it('names the item type on patches and deletes, and patches a board by field', () => {
    expect(patchItem('b', 'CausalLink', 'l', { polarity: 'weakens' })).toEqual({
      cmd: 'patch_item',
      board: 'b',
      item_type: 'CausalLink',
      id: 'l',
      patch: { polarity: 'weakens' },
    });
    expect(deleteItem('b', 'Idea', 'i')).toEqual({ cmd: 'delete_item', board: 'b', item_type: 'Idea', id: 'i' });
    expect(patchBoard('b', { central_problem: 'n' })).toEqual({ cmd: 'patch_board', board: 'b', patch: { central_problem: 'n' } });
  });
});
