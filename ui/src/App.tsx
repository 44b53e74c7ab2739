import { useCallback, useEffect, useState } from 'react';
import type { Backend } from './backend';
import { BackendError } from './backend';
import { BoardHost } from './boards/BoardHost';
import { HeaderTools } from './export/HeaderTools';
import { SessionContext } from './facilitation/context';
import { LiveSession } from './facilitation/LiveSession';
import { useLiveSession } from './facilitation/useLiveSession';
import { LanguageContext, translator, type Language } from './i18n';
import { useRoute } from './route';
import { SessionBar } from './session/SessionBar';
import { loadSettings, saveSettings, textSizes, type Settings } from './settings';
import { SettingsBar } from './SettingsBar';
import type { Command, Outcome, WorkshopView } from './types';
import { WorkshopPage } from './workshop/WorkshopPage';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; view: WorkshopView }
  | { state: 'failed'; error: BackendError };

const asError = (err: unknown) => (err instanceof BackendError ? err : new BackendError('unknown', String(err)));

/**
 * The app: the core's projection is the only state. Every edit is `run(command)`;
 * its answer, or a pushed change from anyone else, replaces the view whole.
 */
export function App({ backend, lang = 'fi' }: { backend: Backend; lang?: Language }) {
  const [settings, setSettingsState] = useState<Settings>(() => loadSettings(lang));
  const t = translator(settings.lang);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [problem, setProblem] = useState<BackendError | null>(null);
  const [route, go] = useRoute();
  // What is only mine (role, drafts, own dots) follows every change of the workshop.
  const { session, refreshLocal } = useLiveSession(backend, load.state === 'ready' ? load.view : null, route, go);

  const setSettings = (next: Settings) => {
    setSettingsState(next);
    saveSettings(next);
  };

  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.documentElement.style.fontSize = textSizes[settings.textSize];
  }, [settings]);

  useEffect(() => {
    let live = true;
    backend.workshopView().then(
      (view) => live && setLoad({ state: 'ready', view }),
      (err: unknown) => live && setLoad({ state: 'failed', error: asError(err) }),
    );
    refreshLocal();
    const stop = backend.onChanged((view) => {
      if (!live) return;
      setLoad({ state: 'ready', view });
      refreshLocal();
    });
    return () => {
      live = false;
      stop();
    };
  }, [backend, refreshLocal]);

  const run = useCallback(
    async (command: Command): Promise<Outcome> => {
      try {
        const outcome = await backend.execute(command);
        setLoad({ state: 'ready', view: outcome.view });
        setProblem(null);
        refreshLocal();
        return outcome;
      } catch (err) {
        setProblem(asError(err));
        throw err;
      }
    },
    [backend, refreshLocal],
  );
  const media = useCallback((hash: string) => backend.media(hash), [backend]);

  const board = load.state === 'ready' && route.screen === 'board' ? load.view.boards.find((b) => b.id === route.id) : undefined;
  const title = load.state === 'ready' ? (board ? `${board.title} – ` : '') + `${load.view.meta.title} – ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <LanguageContext.Provider value={settings.lang}>
      <SessionContext.Provider value={session}>
        <SettingsBar settings={settings} onChange={setSettings} />
        {backend.session && load.state === 'ready' && (
          <SessionBar session={backend.session} view={load.view} board={board?.id ?? null} />
        )}
        {problem && (
          <div role="alert" className="problem" data-error-code={problem.code}>
            <p>
              {t('error.heading')} {problem.message}
            </p>
            <button type="button" onClick={() => setProblem(null)}>
              {t('error.close')}
            </button>
          </div>
        )}
        {load.state === 'loading' && (
          <main>
            <p role="status">{t('app.loading')}</p>
          </main>
        )}
        {load.state === 'failed' && (
          <main>
            <h1>{t('app.name')}</h1>
            <div role="alert" data-error-code={load.error.code}>
              <p>{t('app.error')}</p>
              <p>{load.error.message}</p>
            </div>
          </main>
        )}
        {load.state === 'ready' && <LiveSession view={load.view} run={run} />}
        {load.state === 'ready' &&
          (board ? (
            <BoardHost
              board={board}
              view={load.view}
              run={run}
              media={media}
              onBack={() => go({ screen: 'home' })}
              tools={<HeaderTools backend={backend} view={load.view} board={board.id} />}
            />
          ) : (
            <WorkshopPage
              view={load.view}
              run={run}
              onOpen={(id) => go({ screen: 'board', id })}
              tools={<HeaderTools backend={backend} view={load.view} />}
            />
          ))}
      </SessionContext.Provider>
    </LanguageContext.Provider>
  );
}
