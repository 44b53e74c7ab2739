// The picture cards on a free board as a list: each card's picture, what the person
// wrote, and a choice to change the picture or take it away (the note stays).
import { useId } from 'react';
import { useT } from '../../i18n';
import type { FreeCard, Picture } from '../../types';
import { CommitField } from '../CommitField';
import { focusWhenShown } from '../focus';
import { PictureDrawing, pictures } from './pictures';

type Props = {
  cards: readonly FreeCard[];
  setText(id: string, text: string): void;
  setPicture(id: string, picture: Picture | null): Promise<unknown>;
};

const selectFor = (id: string) => `#${CSS.escape(`picture-of-${id}`)}`;

export function PictureCards({ cards, setText, setPicture }: Props) {
  const t = useT();
  const uid = useId();
  const shown = cards.filter((c): c is FreeCard & { picture: Picture } => !!c.picture);
  if (shown.length === 0) return null;

  const removePicture = async (index: number) => {
    await setPicture(shown[index].id, null);
    const next = shown[index + 1] ?? shown[index - 1];
    focusWhenShown(next ? selectFor(next.id) : '[data-testid="open-deck"]');
  };

  return (
    <section className="picture-cards" aria-labelledby={uid} data-testid="picture-cards">
      <h2 id={uid}>{t('picture.cards')}</h2>
      <ul>
        {shown.map((card, i) => {
          const name = t(`picture.${card.picture}`);
          return (
            <li key={card.id} data-testid="picture-card">
              <PictureDrawing picture={card.picture} size={56} label={name} />
              <label className="field">
                <span>{t('picture.why', { name })}</span>
                <CommitField multiline value={card.text} onCommit={(text) => setText(card.id, text)} />
              </label>
              <div className="picture-card-actions">
                <label>
                  {t('picture.label')}{' '}
                  <select id={`picture-of-${card.id}`} value={card.picture} onChange={(e) => void setPicture(card.id, e.target.value as Picture)}>
                    {pictures.map((p) => (
                      <option key={p} value={p}>
                        {t(`picture.${p}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={() => void removePicture(i)} aria-label={`${t('picture.removePicture')}: ${name} ${i + 1}`}>
                  {t('picture.removePicture')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
