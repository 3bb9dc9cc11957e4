import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built by tests/bench/startup.sh into the empty shell's pages, which it serves as `stack/index.html`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../tests/bench/empty-shell/dist/stack', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
