// One sticky note: its text and its colour, and a picture card's drawing above the text.
import type { NodeProps } from '@xyflow/react';
import { memo, useRef } from 'react';
import { useT } from '../../i18n';
import { CommitField } from '../CommitField';
import { useFocusWhenDrawn } from '../useFocusWhenDrawn';
import { useFree } from './context';
import { colors, type StickyNode } from './mapping';
import { PictureDrawing } from './pictures';

export const StickyNote = memo(function StickyNote({ id, data, selected }: NodeProps<StickyNode>) {
  const t = useT();
  const { setText, setColor, focusId, focused } = useFree();
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useFocusWhenDrawn(focusId === id, id, field, focused);
  const name = data.picture ? t(`picture.${data.picture}`) : null;
  return (
    <div className={`sticky sticky-${data.color}${data.match ? ' match' : ''}${selected ? ' is-selected' : ''}`} data-testid="sticky">
      {data.picture && name && <PictureDrawing picture={data.picture} size={72} label={name} />}
      <CommitField
        ref={field}
        multiline
        rows={4}
        value={data.text}
        label={name ? t('picture.why', { name }) : t('free.noteText')}
        onCommit={(text) => setText(id, text)}
      />
      <select
        className="nodrag"
        aria-label={t('free.color')}
        value={data.color}
        onChange={(e) => setColor(id, e.target.value)}
      >
        {colors.map((c) => (
          <option key={c} value={c}>
            {t(`free.color.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
});
