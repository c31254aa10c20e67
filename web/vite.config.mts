import { defineConfig } from 'vite';

// Built by `npm run build:web` (vite build web) into web/dist; the gateway serves it at /dashboard.
export default defineConfig({
  base: '/dashboard/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chart.js is the bulk of the bundle; one chunk keeps the page to two requests.
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npx vite web` during development: the API and its file exports come from a running `npm start`.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/exports': 'http://127.0.0.1:4000' },
    // The operations are the trusted documents one level up.
    fs: { allow: ['..'] },
  },
});
