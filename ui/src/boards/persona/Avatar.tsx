import { useEffect, useState } from 'react';
import { useBoardHost } from '../host';
import { DrawnAvatar } from './avatars';
import { avatarRef } from './fields';

/** A persona's picture: a drawn avatar, a stored image, or an empty frame. */
export function Avatar({ avatar, size = 64, label }: { avatar: string | null; size?: number; label?: string }) {
  const ref = avatarRef(avatar);
  const { media } = useBoardHost();
  const [src, setSrc] = useState<string | null>(null);
  const hash = ref && 'media' in ref ? ref.media : null;
  useEffect(() => {
    let live = true;
    setSrc(null);
    if (hash) media(hash).then((url) => live && setSrc(url), () => undefined);
    return () => {
      live = false;
    };
  }, [hash, media]);
  if (ref && 'drawn' in ref) return <DrawnAvatar n={ref.drawn} size={size} label={label} />;
  if (hash && src) return <img src={src} width={size} height={size} alt={label ?? ''} className="avatar-img" />;
  return <span className="avatar-empty" style={{ width: size, height: size }} aria-hidden="true" />;
}
