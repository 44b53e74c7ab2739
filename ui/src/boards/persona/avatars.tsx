// A few simple drawn avatars: a face, hair and a shirt, in calm colours. No
// real likeness; every persona is a composite.
const looks = [
  { skin: '#f1c9a5', hair: '#4a3222', shirt: '#2f6f8f', long: false },
  { skin: '#d9a47c', hair: '#1d1d1d', shirt: '#8a4f7d', long: true },
  { skin: '#a66c47', hair: '#2b1b12', shirt: '#3d7a45', long: false },
  { skin: '#f6dcc2', hair: '#b9b9b9', shirt: '#a4572a', long: true },
];

export function DrawnAvatar({ n, size = 64, label }: { n: number; size?: number; label?: string }) {
  const look = looks[(n - 1 + looks.length) % looks.length];
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <rect width="64" height="64" rx="12" fill="#e8eef0" />
      {look.long && <rect x="14" y="18" width="36" height="34" rx="14" fill={look.hair} />}
      <path d="M10 64 C12 46 52 46 54 64 Z" fill={look.shirt} />
      <circle cx="32" cy="28" r="14" fill={look.skin} />
      <path d="M18 26 C18 10 46 10 46 26 C40 20 26 18 18 26 Z" fill={look.hair} />
      <circle cx="27" cy="29" r="1.8" fill="#222" />
      <circle cx="37" cy="29" r="1.8" fill="#222" />
      <path d="M27 35 Q32 39 37 35" stroke="#222" strokeWidth="1.6" fill="none" strokeLinecap="round" />
    </svg>
  );
}
