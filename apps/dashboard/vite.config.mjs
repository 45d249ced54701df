import { defineConfig } from 'vite';

// Served by the API at /dashboard; every asset is bundled into dist/ (nothing is fetched from elsewhere at run time).
export default defineConfig({
  base: '/dashboard/',
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 600 },
});
