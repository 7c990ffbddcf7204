import type { WebPreferences } from 'electron';

/**
 * How the app's window is locked down. No DevTools in a packaged build: there they would let
 * anyone at the machine run script with the app's rights (the portal sign-in included).
 */
export function mainWindowPreferences(preload: string, packaged: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    safeDialogs: true,
    devTools: !packaged,
  };
}
