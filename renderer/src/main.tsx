import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BackendContext } from './api-context.js';
import { App } from './App.js';
import { createApi, installBridge } from './bridge.js';
import '../../common/rendering/portal.css';
import './styles.css';

const bridge = installBridge();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <BackendContext.Provider value={{ api: createApi(bridge), bridge }}>
      <App />
    </BackendContext.Provider>
  </StrictMode>,
);
