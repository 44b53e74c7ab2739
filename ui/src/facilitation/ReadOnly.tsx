// What an observer (sivustakatsoja) sees: everything, with every field and button
// inside shown but disabled, so nothing can be written. Others see it as it is.
import type { ReactNode } from 'react';
import { useSession } from './context';
import { isObserver } from './people';

export function ReadOnly({ children }: { children: ReactNode }) {
  const { local } = useSession();
  if (!isObserver(local)) return <>{children}</>;
  return (
    <fieldset disabled className="read-only">
      {children}
    </fieldset>
  );
}

/** Can this person write in the workshop (everyone but an observer)? */
export function useCanWrite(): boolean {
  return !isObserver(useSession().local);
}
