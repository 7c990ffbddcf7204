import { reportStartFailure, runBrowserEntry } from './browser-entry.js';

// `npm run browser -- --data DIR --port PORT`
runBrowserEntry().catch(reportStartFailure);
