// The learning café in three views: set up (stations, groups, rotation), notes
// (a group at its station in a round), and the harvest.
import { useState } from 'react';
import { useT } from '../../i18n';
import type { ItemType } from '../../types';
import { addItem, deleteItem, patchItem } from '../commands';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { GroupList } from './GroupList';
import { GroupNotes } from './GroupNotes';
import { Harvest } from './Harvest';
import { RotationTable } from './RotationTable';
import { StationList } from './StationList';

export type CafeSend = {
  add(item: Parameters<typeof addItem>[1]): void;
  patch(type: ItemType, id: string, patch: Record<string, unknown>): void;
  remove(type: ItemType, id: string): void;
  /** Replaces the station's summary with a draft of its harvest (undo brings it back). */
  draftHarvest(station: string): void;
  run: EditorProps['run'];
};

const views = ['setup', 'notes', 'harvest'] as const;
type View = (typeof views)[number];

export function CafeEditor({ board, run }: EditorProps) {
  const t = useT();
  const { send, error } = useRun(run);
  const [view, setView] = useState<View>('setup');
  const cafe = boardOf(board, 'cafe');
  if (!cafe) return null;
  const cafeSend: CafeSend = {
    add: (item) => void send(addItem(cafe.id, item)),
    patch: (type, id, patch) => void send(patchItem(cafe.id, type, id, patch)),
    remove: (type, id) => void send(deleteItem(cafe.id, type, id)),
    draftHarvest: (station) => void send({ cmd: 'draft_harvest', board: cafe.id, station }),
    run,
  };
  return (
    <div className="editor cafe-editor">
      <div className="toolbar" role="toolbar" aria-label={t('cafe.views')}>
        {views.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`cafe.view.${v}`)}
          </button>
        ))}
      </div>
      {error}
      {view === 'setup' && (
        <div className="cafe-setup">
          <StationList cafe={cafe} send={cafeSend} />
          <GroupList cafe={cafe} send={cafeSend} />
          <section>
            <h3>{t('cafe.rounds')}</h3>
            <RotationTable cafe={cafe} />
          </section>
        </div>
      )}
      {view === 'notes' && <GroupNotes cafe={cafe} send={cafeSend} />}
      {view === 'harvest' && <Harvest cafe={cafe} send={cafeSend} />}
    </div>
  );
}
