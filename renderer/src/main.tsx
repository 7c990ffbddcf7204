import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BackendContext } from './api-context.js';
import { App } from './App.js';
import { createApi, installBridge } from './bridge.js';
import { prefetchOpenedDraft } from './draft-prefetch.js';
import { applyLanguage, LanguageRoot } from './language.js';
import { guardReleaseLinks } from './release-links.js';
import '../../common/rendering/portal.css';
import './styles.css';

const bridge = installBridge();
// A file dropped outside a drop zone must not replace the app with that file.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (event) => event.preventDefault());
// An image whose file is not on this machine shows as missing, not as a broken picture.
document.addEventListener(
  'error',
  (event) => {
    if (event.target instanceof HTMLImageElement) event.target.classList.add('media-missing');
  },
  true,
);
guardReleaseLinks();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
const api = createApi(bridge);
prefetchOpenedDraft(api, location.hash);
// The chosen language first, so the first screen already speaks it (German when the back end does not answer).
void api.settings
  .get()
  .then((settings) => applyLanguage(settings.language))
  .catch(() => undefined)
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <BackendContext.Provider value={{ api, bridge }}>
          <LanguageRoot>{(language) => <App key={language} />}</LanguageRoot>
        </BackendContext.Provider>
      </StrictMode>,
    ),
  );
