import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One self-contained script the benchmark injects into a blank page.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../out/bench', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    lib: { entry: fileURLToPath(new URL('./baseline-editor.ts', import.meta.url)), formats: ['iife'], name: 'baseline', fileName: () => 'baseline-editor.js' },
  },
});
