import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../common/bridge.js';
import { EVENT_CHANNEL } from '../common/channels.js';
import type { Result } from '../common/result.js';

// One function per contract method as window.pressestelle; ipcRenderer itself never leaves this file.
contextBridge.exposeInMainWorld(
  'pressestelle',
  createBridge(
    (method, input) => ipcRenderer.invoke(method, input) as Promise<Result<unknown>>,
    (listener) => {
      const forward = (_event: IpcRendererEvent, appEvent: Parameters<typeof listener>[0]) => listener(appEvent);
      ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.off(EVENT_CHANNEL, forward);
      };
    },
  ),
);
