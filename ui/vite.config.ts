import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

type ModuleInfoOf = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;
const loadedAtStart = new Map<string, boolean>();

/** Whether the entry reaches `id` through static imports only (not the entry itself). */
function staticallyLoaded(id: string, info: ModuleInfoOf): boolean {
  const known = loadedAtStart.get(id);
  if (known !== undefined) return known;
  loadedAtStart.set(id, false); // a cycle counts as not reached through this path
  const m = info(id);
  const reached = !!m && !m.isEntry && m.importers.some((i) => info(i)?.isEntry || staticallyLoaded(i, info));
  loadedAtStart.set(id, reached);
  return reached;
}

// Tauri loads the built files from disk (see src-tauri/tauri.conf.json);
// in development it points its webview at the dev server on port 1420.
export default defineConfig({
  base: './',
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Everything the first screen loads statically goes in one chunk besides the entry: in the web view each
        // file costs a request through the app's protocol. What only lazy parts use (charts, the date picker, the
        // overview…) stays in their own chunks, loaded when they open.
        manualChunks(id, meta) {
          return staticallyLoaded(id, meta.getModuleInfo) ? 'app' : null;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // A bound on a failing test, never a wait: generous, because CI shares two cores with other work.
    testTimeout: 60000,
    pool: 'threads',
  },
});
