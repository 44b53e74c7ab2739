// The phenomenon map (ilmiökartta): the phenomenon in the middle, five zones of notes
// around it, and the SWOT fields beside it. Every zone is a labelled list, so the map
// is its own list view: all text, every action by keyboard.
import { useId } from 'react';
import { useT } from '../../i18n';
import type { Zone } from '../../types';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchBoard, patchItem } from '../commands';
import { focusWhenShown } from '../focus';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { ZoneSection, type ZoneActions } from './ZoneSection';
import { entriesByZone, lastInZone, mapZones, swotZones } from './zones';
import './phenomenon.css';

const byId = (prefix: string, id: string) => `#${CSS.escape(`${prefix}-${id}`)}`;

export function PhenomenonEditor({ board, run }: EditorProps) {
  const t = useT();
  const uid = useId();
  const { send, error } = useRun(run);
  const p = boardOf(board, 'phenomenon');
  if (!p) return null;
  const b = p.id;
  const zones = entriesByZone(p);

  const actions: ZoneActions = {
    add: async (zone: Zone) => {
      const outcome = await send(addItem(b, { type: 'Entry', zone, text: '', sources: [], order: lastInZone(p, zone) }));
      if (outcome?.id) focusWhenShown(byId('entry', outcome.id));
    },
    setText: (id, text) => void send(patchItem(b, 'Entry', id, { text })),
    moveTo: async (id, zone) => {
      if (await send(patchItem(b, 'Entry', id, { zone, order: lastInZone(p, zone) }))) focusWhenShown(byId('entry-zone', id), (el) => (el as HTMLSelectElement).value === zone);
    },
    remove: async (zone, index) => {
      const list = zones.get(zone) ?? [];
      if (!(await send(deleteItem(b, 'Entry', list[index].id)))) return;
      const next = list[index + 1] ?? list[index - 1];
      focusWhenShown(next ? byId('entry', next.id) : `[data-add-zone="${zone}"]`);
    },
  };
  const section = (zone: Zone) => <ZoneSection key={zone} zone={zone} entries={zones.get(zone) ?? []} actions={actions} />;

  return (
    <div className="editor phenomenon-editor">
      {error}
      <div className="phenomenon-layout">
        <section className="phenomenon-map" aria-labelledby={`${uid}-map`} data-testid="phenomenon-map">
          <h2 id={`${uid}-map`}>{t('phenomenon.map')}</h2>
          <div className="map-grid">
            <div className="map-center">
              <label className="field">
                <span>{t('phenomenon.phenomenon')}</span>
                <CommitField
                  multiline
                  rows={3}
                  value={p.phenomenon}
                  onCommit={(phenomenon) => void send(patchBoard(b, { phenomenon }))}
                  testId="phenomenon-text"
                />
              </label>
            </div>
            {mapZones.map(section)}
          </div>
        </section>
        <section className="swot" aria-labelledby={`${uid}-swot`} data-testid="swot">
          <h2 id={`${uid}-swot`}>{t('phenomenon.swot')}</h2>
          <div className="swot-grid">{swotZones.map(section)}</div>
        </section>
      </div>
    </div>
  );
}
