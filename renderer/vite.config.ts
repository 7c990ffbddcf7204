import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The screens' chunk (boot.tsx, imported dynamically by the small entry) is fetched and compiled
 * from the start, in parallel with the entry's first calls to main, not only once it is imported.
 */
function preloadScreens(): Plugin {
  return {
    name: 'pressestelle-preload-screens',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        Object.values(context.bundle ?? {})
          .filter((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/renderer/src/boot.tsx'))
          .map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' })),
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset paths: the build loads from app://pressestelle/ and from the browser entry alike.
  base: './',
  plugins: [react(), preloadScreens()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
