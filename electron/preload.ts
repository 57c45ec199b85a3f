// Exposes exactly the API of api.ts as window.dossier, and nothing else. Bundled to one CommonJS file
// because sandboxed preloads cannot load modules.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, eventNames, type DossierApi } from './api.ts';

export const api: DossierApi = {
  call(channel, input) {
    if (!channels.includes(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'ipc/unknown-channel', message: `Unknown call ${String(channel)}.` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const handler = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('dossier', api);
