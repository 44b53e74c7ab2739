import { useEffect, useState } from 'react';
import type { Backend } from './backend';
import { BackendError } from './backend';
import { useT } from './i18n';
import type { WorkshopView } from './types';
import { WorkshopPage } from './workshop/WorkshopPage';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; view: WorkshopView }
  | { state: 'failed'; error: BackendError };

export function App({ backend }: { backend: Backend }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    backend.workshopView().then(
      (view) => live && setLoad({ state: 'ready', view }),
      (err: unknown) =>
        live &&
        setLoad({
          state: 'failed',
          error: err instanceof BackendError ? err : new BackendError('unknown', String(err)),
        }),
    );
    return () => {
      live = false;
    };
  }, [backend]);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.view.meta.title} – ${t('app.name')}`;
  }, [load, t]);

  switch (load.state) {
    case 'loading':
      return (
        <main>
          <p role="status">{t('app.loading')}</p>
        </main>
      );
    case 'failed':
      return (
        <main>
          <h1>{t('app.name')}</h1>
          <div role="alert" data-error-code={load.error.code}>
            <p>{t('app.error')}</p>
            <p>{load.error.message}</p>
          </div>
        </main>
      );
    case 'ready':
      return <WorkshopPage view={load.view} />;
  }
}
