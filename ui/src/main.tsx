import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { App } from './App';
import { defaultBackend } from './backend';
import { pickLanguage } from './i18n';
import './style.css';

const lang = pickLanguage(document.documentElement.lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App backend={defaultBackend()} lang={lang} />
  </StrictMode>,
);
