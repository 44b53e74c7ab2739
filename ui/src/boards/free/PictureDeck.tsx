// The picture-card deck: sixteen cards in a grid of buttons. Tab or the arrow keys
// move between them, Enter picks one, Escape closes the deck.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import type { Picture } from '../../types';
import { PictureDrawing, pictures } from './pictures';

const COLUMNS = 4;
const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -COLUMNS, ArrowDown: COLUMNS };

type Props = { pick(picture: Picture): void; close(): void };

export function PictureDeck({ pick, close }: Props) {
  const t = useT();
  const uid = useId();
  const grid = useRef<HTMLDivElement>(null);
  const buttons = () => [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  useEffect(() => buttons()[0]?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    const step = steps[e.key];
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (step === undefined || at < 0) return;
    e.preventDefault();
    all[Math.min(all.length - 1, Math.max(0, at + step))].focus();
  };

  return (
    <section className="picture-deck" aria-labelledby={`${uid}-h`} data-testid="picture-deck">
      <h2 id={`${uid}-h`}>{t('picture.deckHeading')}</h2>
      <p id={`${uid}-hint`}>{t('picture.deckHint')}</p>
      <div ref={grid} className="deck-grid" role="group" aria-labelledby={`${uid}-h`} aria-describedby={`${uid}-hint`} onKeyDown={onKeyDown}>
        {pictures.map((p) => (
          <button key={p} type="button" className="deck-card" onClick={() => pick(p)} data-picture={p}>
            <PictureDrawing picture={p} size={64} />
            <span>{t(`picture.${p}`)}</span>
          </button>
        ))}
      </div>
      <button type="button" onClick={close}>
        {t('picture.close')}
      </button>
    </section>
  );
}
