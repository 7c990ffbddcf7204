import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bridge } from '../../common/bridge.js';
import { BackendContext } from './api-context.js';
import { App } from './App.js';
import type { Api } from './bridge.js';
import { LanguageRoot } from './language.js';

/** The screens, rendered into #root once the language is known (see main.tsx). */
export function boot(root: HTMLElement, bridge: Bridge, api: Api): void {
  createRoot(root).render(
    <StrictMode>
      <BackendContext.Provider value={{ api, bridge }}>
        <LanguageRoot>{(language) => <App key={language} />}</LanguageRoot>
      </BackendContext.Provider>
    </StrictMode>,
  );
}
