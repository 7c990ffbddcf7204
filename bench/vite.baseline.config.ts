import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One self-contained script the benchmark injects into a blank page: BASELINE=schema builds
// bare TipTap with the block catalog's schema, otherwise bare TipTap with StarterKit.
const name = process.env.BASELINE === 'schema' ? 'baseline-schema' : 'baseline-editor';

export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../out/bench', import.meta.url)),
    emptyOutDir: false,
    minify: true,
    lib: { entry: fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), formats: ['iife'], name: 'baseline', fileName: () => `${name}.js` },
  },
});
