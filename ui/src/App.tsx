import { QueriesContext } from './backend/queries';
import { useCallback, useEffect, useState } from 'react';
import type { Backend } from './backend';
import { BackendError, toBackendError } from './backend';
import { BoardHost } from './boards/BoardHost';
import { HeaderTools } from './export/HeaderTools';
import { SessionContext } from './facilitation/context';
import { LiveSession } from './facilitation/LiveSession';
import { useLiveSession } from './facilitation/useLiveSession';
import { LanguageContext, translator, type Language } from './i18n';
import { errorText } from './i18n/errors';
import { useRoute } from './route';
import { SessionBar } from './session/SessionBar';
import { loadSettings, saveSettings, textSizes, type Settings } from './settings';
import { SettingsBar } from './SettingsBar';
import { StartScreen } from './start/StartScreen';
import { SetAsideNotice } from './start/SetAsideNotice';
import { useDesktop } from './start/useDesktop';
import type { Command, Outcome, WorkshopView } from './types';
import { WorkshopPage } from './workshop/WorkshopPage';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; view: WorkshopView }
  | { state: 'failed'; error: BackendError };


/**
 * The app: the core's projection is the only state. Every edit is `run(command)`;
 * what it changed comes back as a pushed change, as anyone else's does, and the
 * backend applies it to the view it holds (what did not change stays the same object).
 */
export function App({ backend, lang = 'fi' }: { backend: Backend; lang?: Language }) {
  const [settings, setSettingsState] = useState<Settings>(() => loadSettings(lang));
  const t = translator(settings.lang);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [problem, setProblem] = useState<BackendError | null>(null);
  const [route, go] = useRoute();
  // In the desktop window: which workshop is open, if any, and the start screen.
  const desktop = useDesktop(backend.files, () => go({ screen: 'home' }));
  const opened = desktop ? desktop.now.state?.open != null : true;
  const setAside = desktop?.now.state?.open?.set_aside ?? 0;
  const starting = desktop !== null && desktop.now.state !== null && (!opened || route.screen === 'start');
  // What is only mine (role, drafts, own dots) follows every change of the workshop.
  const { session, refreshLocal, setLocal } = useLiveSession(backend, load.state === 'ready' ? load.view : null, route, go);

  const setSettings = (next: Settings) => {
    setSettingsState(next);
    saveSettings(next);
  };

  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.documentElement.style.fontSize = textSizes[settings.textSize];
  }, [settings]);

  useEffect(() => {
    if (!opened) {
      setLoad({ state: 'loading' });
      return;
    }
    let live = true;
    backend.workshopView().then(
      (view) => live && setLoad({ state: 'ready', view }),
      (err: unknown) => live && setLoad({ state: 'failed', error: toBackendError(err) }),
    );
    refreshLocal();
    const stop = backend.onChanged((view, local) => {
      if (!live) return;
      setLoad({ state: 'ready', view });
      if (local) setLocal(local);
      else if (local === undefined) refreshLocal();
    });
    return () => {
      live = false;
      stop();
    };
  }, [backend, refreshLocal, setLocal, opened, desktop?.now.openKey]);

  const run = useCallback(
    async (command: Command): Promise<Outcome> => {
      try {
        const outcome = await backend.execute(command);
        setProblem(null);
        refreshLocal();
        return outcome;
      } catch (err) {
        setProblem(toBackendError(err));
        throw err;
      }
    },
    [backend, refreshLocal],
  );
  const media = useCallback((hash: string) => backend.media(hash), [backend]);

  const board = load.state === 'ready' && route.screen === 'board' ? load.view.boards.find((b) => b.id === route.id) : undefined;
  const title = starting
    ? `${t('start.title')} – ${t('app.name')}`
    : load.state === 'ready'
      ? (board ? `${board.title} – ` : '') + `${load.view.meta.title} – ${t('app.name')}`
      : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <LanguageContext.Provider value={settings.lang}>
      <SessionContext.Provider value={session}>
      <QueriesContext.Provider value={backend}>
        <SettingsBar settings={settings} onChange={setSettings}>
          {desktop && !starting && (
            <button type="button" onClick={() => go({ screen: 'start' })} data-testid="workshops">
              {t('start.workshops')}
            </button>
          )}
        </SettingsBar>
        {starting && <StartScreen desktop={desktop} onContinue={() => go({ screen: 'home' })} />}
        {!starting && backend.session && load.state === 'ready' && (
          <SessionBar session={backend.session} view={load.view} board={board?.id ?? null} />
        )}
        {problem && (
          <div role="alert" className="problem" data-error-code={problem.code}>
            <p>
              {t('error.heading')} {errorText(t, problem)}
            </p>
            <button type="button" onClick={() => setProblem(null)}>
              {t('error.close')}
            </button>
          </div>
        )}
        {!starting && <SetAsideNotice count={setAside} />}
        {!starting && load.state === 'loading' && (
          <main>
            <p role="status">{t('app.loading')}</p>
          </main>
        )}
        {!starting && load.state === 'failed' && (
          <main>
            <h1>{t('app.name')}</h1>
            <div role="alert" data-error-code={load.error.code}>
              <p>{t('app.error')}</p>
              <p>{errorText(t, load.error)}</p>
            </div>
          </main>
        )}
        {!starting && load.state === 'ready' && <LiveSession view={load.view} run={run} />}
        {!starting &&
          load.state === 'ready' &&
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
      </QueriesContext.Provider>
      </SessionContext.Provider>
    </LanguageContext.Provider>
  );
}
