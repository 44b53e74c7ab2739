import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { App } from './App';
import { defaultBackend, inTauri } from './backend';
import { joinCode, joinedAs, joinToken, rememberJoin } from './facilitation/joining';
import { JoinPage } from './facilitation/JoinPage';
import { LanguageContext, pickLanguage } from './i18n';
import { loadSettings, saveSettings } from './settings';
import { SettingsBar } from './SettingsBar';
import './style.css';

const lang = pickLanguage(document.documentElement.lang);
const code = inTauri() ? null : joinCode(window.location.search);
const token = inTauri() ? null : joinToken(window.location.search);

/** A browser that came by the room's join link says who it is first; anyone else goes straight in. */
function Root() {
  const [joined, setJoined] = useState(() => (code ? joinedAs(sessionStorage, code) : null));
  const [settings, setSettings] = useState(() => loadSettings(lang));
  const backend = useMemo(() => {
    if (token) return defaultBackend({ token });
    if (code) return joined ? defaultBackend({ code, ...joined }) : null;
    return defaultBackend();
  }, [joined]);
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
          onJoin={(name, observer) => {
            if (code) rememberJoin(sessionStorage, code, { name, observer });
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
