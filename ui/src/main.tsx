import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { App } from './App';
import { BackendError, defaultBackend, inTauri } from './backend';
import { forgetJoin, joinedAs, rememberJoin, takeLink } from './facilitation/joining';
import { JoinPage } from './facilitation/JoinPage';
import { LanguageContext, pickLanguage } from './i18n';
import { loadSettings, saveSettings } from './settings';
import { SettingsBar } from './SettingsBar';
import './style.css';

const lang = pickLanguage(document.documentElement.lang);
// A join link's secrets come in the fragment; they leave the address bar at once.
const taken = () => takeLink(window.location, window.history, sessionStorage);
const link = inTauri() ? null : taken();
if (!inTauri()) window.addEventListener('hashchange', taken);

/** A browser says who it is first (with the code typed, unless a link brought it);
 * a co-facilitator's link and the desktop window go straight in. */
function Root() {
  const [code, setCode] = useState(() => link?.code ?? null);
  const [joined, setJoined] = useState(() => (code ? joinedAs(sessionStorage, code) : null));
  const [settings, setSettings] = useState(() => loadSettings(lang));
  const [refusal, setRefusal] = useState<BackendError | null>(null);
  // Refused (a wrong code, an ended session, removed): back to the join page, saying why.
  const refused = (err: BackendError) => {
    if (code) forgetJoin(sessionStorage, code);
    setRefusal(err);
    setCode(link?.code ?? null);
    setJoined(null);
  };
  const backend = useMemo(() => {
    if (inTauri()) return defaultBackend();
    if (link?.lead) return defaultBackend({ lead: link.lead });
    if (code && joined) return defaultBackend({ code, key: link?.code === code ? link.key : undefined, ...joined }, refused);
    return null;
  }, [code, joined]);
  if (!backend) {
    return (
      <LanguageContext.Provider value={settings.lang}>
        <SettingsBar
          settings={settings}
          onChange={(next) => {
            setSettings(next);
            saveSettings(next);
            document.documentElement.lang = next.lang;
          }}
        />
        <JoinPage
          code={code}
          refusal={refusal}
          onJoin={(name, observer, typed) => {
            const room = code ?? typed.trim().toUpperCase();
            rememberJoin(sessionStorage, room, { name, observer });
            setRefusal(null);
            setCode(room);
            setJoined({ name, observer });
          }}
        />
      </LanguageContext.Provider>
    );
  }
  return <App backend={backend} lang={lang} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
