import { createApi, installBridge } from './bridge.js';
import { prefetchOpenedDraft } from './draft-prefetch.js';
import { applyLanguage } from './language.js';
import { t } from './messages.js';
import { guardReleaseLinks } from './release-links.js';
import '../../common/rendering/portal.css';
import './styles.css';

// The entry is small on purpose: it asks main for the language and an opened release first, and
// the screens' code (React, the editor: most of the app) loads and runs while main answers.
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
const language = api.settings
  .get()
  .then((settings) => applyLanguage(settings.language))
  .catch(() => undefined);
Promise.all([import('./boot.js'), language]).then(
  ([{ boot }]) => boot(root, bridge, api),
  (error: unknown) => {
    // The app's own files could not be read (a damaged installation): say so instead of loading forever.
    console.error(error);
    root.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: t('app.loadFailed') }));
  },
);
