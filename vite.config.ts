import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The web app lives in src/web and builds to dist/web, which the server serves.
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    // Installable app: manifest + our own service worker (src/web/sw.ts) with the build's files
    // injected for precaching. Registration happens in src/web/pwa/register.ts (a module, never an
    // inline script: the CSP allows script from 'self' only).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Gutbrain',
        short_name: 'Gutbrain',
        description:
          'A self-hosted gut–brain health companion: daily check-ins, programs and honest insights.',
        start_url: '/today',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f5f1',
        theme_color: '#2f7d6d',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // scripts/bundle-budget.ts reads .vite/manifest.json to find the initial JavaScript.
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
