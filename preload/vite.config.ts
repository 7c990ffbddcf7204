import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sandboxed preload can only require 'electron': build it as one self-contained CommonJS file.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../out/preload', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    lib: {
      entry: fileURLToPath(new URL('./index.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
