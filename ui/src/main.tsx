import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { defaultBackend } from './backend';
import { LanguageContext, pickLanguage } from './i18n';
import './style.css';

const lang = pickLanguage(document.documentElement.lang);
document.documentElement.lang = lang;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageContext.Provider value={lang}>
      <App backend={defaultBackend()} />
    </LanguageContext.Provider>
  </StrictMode>,
);
