import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const adminDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The admin page is built into server/dist/admin and served by the API process at /admin
 * (same origin, so no CORS and no second deployment). `npm run build:admin -w server`.
 * For UI work: `npx vite --config admin/vite.config.ts` proxies /api to a local server on :3000.
 */
export default defineConfig({
  root: adminDir,
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // antd and the page must share one React and one dayjs (two copies live in the workspace).
    dedupe: ['react', 'react-dom', 'dayjs'],
  },
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    // Libraries change less often than the page: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime)[\\/]/, priority: 10 },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.ADMIN_DEV_API ?? 'http://127.0.0.1:3000' },
  },
});
