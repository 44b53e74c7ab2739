import { useId } from 'react';
import { useT } from '../../i18n';
import type { Command, Outcome, Persona } from '../../types';
import { DrawnAvatar } from './avatars';
import { DRAWN_COUNT } from './fields';

type Props = { board: string; persona: Persona; run: (cmd: Command) => Promise<Outcome> };

/** Base64 of a file's bytes, for the core to downscale and strip. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',', 2)[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Choose one of the drawn avatars, or add a picture from the computer. */
export function AvatarPicker({ board, persona, run }: Props) {
  const t = useT();
  const fileId = useId();
  const set = (avatar: string | null) =>
    run({ cmd: 'patch_item', board, item_type: 'Persona', id: persona.id, patch: { avatar } });
  return (
    <fieldset className="avatar-picker">
      <legend>{t('persona.picture')}</legend>
      <div className="avatar-choices">
        {Array.from({ length: DRAWN_COUNT }, (_, i) => i + 1).map((n) => (
          <button
            key={n}
            type="button"
            aria-pressed={persona.avatar === `drawn:${n}`}
            aria-label={t('persona.drawn', { n })}
            onClick={() => void set(`drawn:${n}`)}
            data-testid={`avatar-drawn-${n}`}
          >
            <DrawnAvatar n={n} size={48} />
          </button>
        ))}
        <button type="button" aria-pressed={persona.avatar === null} onClick={() => void set(null)}>
          {t('persona.noPicture')}
        </button>
      </div>
      <label htmlFor={fileId} className="upload">
        {t('persona.upload')}
      </label>
      <input
        id={fileId}
        type="file"
        accept="image/png,image/jpeg"
        data-testid="avatar-upload"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          const data = await readBase64(file);
          await run({ cmd: 'set_persona_image', board, persona: persona.id, data_base64: data });
          e.target.value = '';
        }}
      />
    </fieldset>
  );
}
