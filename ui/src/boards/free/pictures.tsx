// The picture-card deck (kuvakortit) for introductions: sixteen simple drawings made
// here in code, a few shapes each. A person picks the card that says how they come in.
import { useId, type ReactNode } from 'react';
import type { Picture } from '../../types';

/** The deck in the core's order (Picture::ALL). */
export const pictures: readonly Picture[] = [
  'sun', 'cloud', 'rain', 'rainbow', 'bridge', 'path', 'mountain', 'tree',
  'sprout', 'key', 'door', 'lighthouse', 'compass', 'hands', 'heart', 'boat',
];

const sky = '#dcecf8';
const water = '#4a90c8';
const wood = '#a4572a';

const hand = (x: number, skin: string, flip: boolean): ReactNode => (
  <g transform={flip ? `translate(${2 * x + 16} 0) scale(-1 1)` : undefined} fill={skin}>
    <rect x={x} y="30" width="16" height="24" rx="6" />
    {[18, 15, 16, 21].map((y, i) => (
      <rect key={i} x={x + i * 4} y={y} width="3.6" height="18" rx="1.8" />
    ))}
    <rect x={x - 2} y="32" width="5" height="14" rx="2.5" transform={`rotate(-30 ${x + 1} 46)`} />
  </g>
);

/** Each drawing on a 64 × 64 ground. `Record` makes the compiler demand all sixteen. */
export const drawings: Record<Picture, { ground: string; shapes: ReactNode }> = {
  sun: {
    ground: '#fff6d6',
    shapes: (
      <>
        <g stroke="#e08a00" strokeWidth="3" strokeLinecap="round">
          {[0, 45, 90, 135, 180, 225, 270, 315].map((a) => (
            <line key={a} x1="32" y1="10" x2="32" y2="16" transform={`rotate(${a} 32 32)`} />
          ))}
        </g>
        <circle cx="32" cy="32" r="12" fill="#f5b82e" />
        <path d="M27 35 Q32 39 37 35" stroke="#7a4a00" strokeWidth="1.8" fill="none" strokeLinecap="round" />
      </>
    ),
  },
  cloud: {
    ground: sky,
    shapes: (
      <g fill="#fff">
        <circle cx="24" cy="36" r="10" />
        <circle cx="35" cy="29" r="13" />
        <circle cx="45" cy="37" r="9" />
        <rect x="14" y="36" width="40" height="10" rx="5" />
      </g>
    ),
  },
  rain: {
    ground: '#e3eaef',
    shapes: (
      <>
        <g fill="#8a9aa3">
          <circle cx="24" cy="26" r="9" />
          <circle cx="34" cy="20" r="11" />
          <circle cx="44" cy="27" r="8" />
          <rect x="15" y="26" width="37" height="9" rx="4.5" />
        </g>
        <g stroke={water} strokeWidth="3" strokeLinecap="round">
          <line x1="22" y1="42" x2="19" y2="50" />
          <line x1="32" y1="42" x2="29" y2="50" />
          <line x1="42" y1="42" x2="39" y2="50" />
          <line x1="27" y1="52" x2="25" y2="57" />
          <line x1="37" y1="52" x2="35" y2="57" />
        </g>
      </>
    ),
  },
  rainbow: {
    ground: '#eaf4fb',
    shapes: (
      <g fill="none" strokeWidth="4">
        {['#d9534f', '#f0a030', '#f2d04b', '#5cb85c', water].map((color, i) => {
          const r = 24 - i * 4;
          return <path key={color} d={`M${32 - r} 48 A${r} ${r} 0 0 1 ${32 + r} 48`} stroke={color} />;
        })}
      </g>
    ),
  },
  bridge: {
    ground: sky,
    shapes: (
      <>
        <rect x="0" y="46" width="64" height="18" fill={water} />
        <path d="M4 28 H60 V46 H52 A20 14 0 0 0 12 46 H4 Z" fill={wood} />
        <g stroke="#6b3a18" strokeWidth="2">
          <line x1="4" y1="20" x2="60" y2="20" />
          {[8, 20, 32, 44, 56].map((x) => (
            <line key={x} x1={x} y1="20" x2={x} y2="28" />
          ))}
        </g>
      </>
    ),
  },
  path: {
    ground: '#e6f3e0',
    shapes: (
      <>
        <path d="M24 64 C24 48 44 44 38 32 S28 16 36 6" stroke="#d9b27c" strokeWidth="10" fill="none" strokeLinecap="round" />
        <circle cx="14" cy="20" r="5" fill="#5c9a5c" />
        <circle cx="50" cy="46" r="6" fill="#5c9a5c" />
        <circle cx="52" cy="14" r="4" fill="#5c9a5c" />
      </>
    ),
  },
  mountain: {
    ground: sky,
    shapes: (
      <>
        <path d="M28 54 L44 28 L60 54 Z" fill="#8a9aa3" />
        <path d="M4 54 L26 18 L48 54 Z" fill="#6b7c85" />
        <path d="M26 18 L20.5 27 L24 25.5 L27 28 L29.5 25 L31.5 27 Z" fill="#fff" />
        <rect x="0" y="54" width="64" height="10" fill="#7bb36b" />
      </>
    ),
  },
  tree: {
    ground: '#eaf5e4',
    shapes: (
      <>
        <rect x="29" y="36" width="6" height="20" fill={wood} />
        <g fill="#3d7a45">
          <circle cx="32" cy="24" r="14" />
          <circle cx="21" cy="32" r="9" />
          <circle cx="43" cy="32" r="9" />
        </g>
        <rect x="8" y="55" width="48" height="3" rx="1.5" fill="#7bb36b" />
      </>
    ),
  },
  sprout: {
    ground: '#f3efe4',
    shapes: (
      <>
        <line x1="32" y1="50" x2="32" y2="30" stroke="#3d7a45" strokeWidth="3" strokeLinecap="round" />
        <path d="M32 38 C22 38 18 30 18 26 C26 26 32 30 32 38 Z" fill="#5cb85c" />
        <path d="M32 33 C42 33 46 25 46 21 C38 21 32 25 32 33 Z" fill="#5cb85c" />
        <path d="M12 54 Q32 42 52 54 Z" fill="#8a5a2b" />
      </>
    ),
  },
  key: {
    ground: '#f7f1e1',
    shapes: (
      <g fill="#d4a017">
        <circle cx="20" cy="32" r="10" fill="none" stroke="#d4a017" strokeWidth="5" />
        <rect x="29" y="29.5" width="27" height="5" rx="1.5" />
        <rect x="46" y="33" width="4" height="8" rx="1" />
        <rect x="52" y="33" width="4" height="6" rx="1" />
      </g>
    ),
  },
  door: {
    ground: '#efe9e1',
    shapes: (
      <>
        <path d="M18 56 V22 A14 14 0 0 1 46 22 V56 Z" fill="#6b3a18" />
        <path d="M21 56 V22 A11 11 0 0 1 43 22 V56 Z" fill={wood} />
        <rect x="25" y="26" width="14" height="10" rx="2" fill="none" stroke="#6b3a18" strokeWidth="1.5" />
        <rect x="25" y="40" width="14" height="12" rx="2" fill="none" stroke="#6b3a18" strokeWidth="1.5" />
        <circle cx="39" cy="38" r="2" fill="#f2d04b" />
        <rect x="14" y="56" width="36" height="4" fill="#8a9aa3" />
      </>
    ),
  },
  lighthouse: {
    ground: sky,
    shapes: (
      <>
        <path d="M28 16 L6 10 V22 Z M36 16 L58 10 V22 Z" fill="#f5d442" opacity="0.7" />
        <path d="M26 54 L29 22 H35 L38 54 Z" fill="#fff" stroke="#6b7c85" strokeWidth="1" />
        <path d="M26.94 44 L27.69 36 H36.31 L37.06 44 Z M28.25 30 L28.81 24 H35.19 L35.75 30 Z" fill="#c0392b" />
        <rect x="28" y="14" width="8" height="8" fill="#f5d442" stroke="#6b7c85" strokeWidth="1" />
        <path d="M26.5 14 L32 8 L37.5 14 Z" fill="#c0392b" />
        <rect x="0" y="54" width="64" height="10" fill={water} />
      </>
    ),
  },
  compass: {
    ground: '#eef3f4',
    shapes: (
      <>
        <circle cx="32" cy="32" r="22" fill="#fff" stroke="#2f6f8f" strokeWidth="4" />
        <g stroke="#2f6f8f" strokeWidth="2">
          <line x1="32" y1="12" x2="32" y2="16" />
          <line x1="32" y1="48" x2="32" y2="52" />
          <line x1="12" y1="32" x2="16" y2="32" />
          <line x1="48" y1="32" x2="52" y2="32" />
        </g>
        <path d="M32 16 L37 32 H27 Z" fill="#c0392b" />
        <path d="M32 48 L37 32 H27 Z" fill="#6b7c85" />
        <circle cx="32" cy="32" r="2.5" fill="#1a1a1a" />
      </>
    ),
  },
  hands: {
    ground: '#f6ede6',
    shapes: (
      <>
        {hand(12, '#f1c9a5', false)}
        {hand(36, '#a66c47', true)}
      </>
    ),
  },
  heart: {
    ground: '#fbe9ee',
    shapes: <path d="M32 54 C10 40 8 24 20 18 C26 15 31 19 32 24 C33 19 38 15 44 18 C56 24 54 40 32 54 Z" fill="#d9534f" />,
  },
  boat: {
    ground: sky,
    shapes: (
      <>
        <line x1="32" y1="12" x2="32" y2="40" stroke="#6b3a18" strokeWidth="2" />
        <path d="M34 14 V38 H50 Z" fill="#fff" stroke="#6b7c85" strokeWidth="1" />
        <path d="M30 18 V38 H18 Z" fill="#fff" stroke="#6b7c85" strokeWidth="1" />
        <path d="M10 40 H54 L46 52 H18 Z" fill={wood} />
        <path d="M0 56 Q8 52 16 56 T32 56 T48 56 T64 56 V64 H0 Z" fill={water} />
      </>
    ),
  },
};

type Props = { picture: Picture; size?: number; label?: string };

/** One picture card's drawing; with `label` it is an image by that name, without it decoration. */
export function PictureDrawing({ picture, size = 64, label }: Props) {
  const { ground, shapes } = drawings[picture];
  const clip = useId();
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      className="picture"
    >
      <clipPath id={clip}>
        <rect width="64" height="64" rx="10" />
      </clipPath>
      <g clipPath={`url(#${clip})`}>
        <rect width="64" height="64" fill={ground} />
        {shapes}
      </g>
    </svg>
  );
}
