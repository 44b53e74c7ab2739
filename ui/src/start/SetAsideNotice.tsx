import { useT } from '../i18n';

/** Says that changes of the opened file would not apply and were set aside, if any were. */
export function SetAsideNotice({ count }: { count: number }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <p role="status" className="notice" data-testid="set-aside">
      {t(count === 1 ? 'file.set_aside_one' : 'file.set_aside_many', { n: count })}
    </p>
  );
}
