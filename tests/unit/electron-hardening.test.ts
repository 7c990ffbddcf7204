import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mainWindowPreferences } from '../../main/electron/window-options.js';

const builderConfig = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url));

describe('the packaged Electron app is hardened', () => {
  it('flips the fuses in the build: no Node.js through the binary, the app only from its checked asar, encrypted cookies', () => {
    const config = parse(readFileSync(builderConfig, 'utf8')) as { asar: boolean; electronFuses: Record<string, boolean> };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('offers no DevTools in a packaged build, and keeps the window locked down either way', () => {
    const packaged = mainWindowPreferences('/app/preload.js', true);
    expect(packaged.devTools).toBe(false);
    expect(mainWindowPreferences('/app/preload.js', false).devTools).toBe(true);
    expect(packaged).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});
