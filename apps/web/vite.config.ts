import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// React through esbuild's automatic JSX runtime; the API serves the build on the same origin.
export default defineConfig({
  root: __dirname,
  esbuild: { jsx: 'automatic' },
  // The pure shared libraries, by the same @rectiflow/* names as in tsconfig.json.
  resolve: {
    alias: [
      { find: /^@rectiflow\/(domain|documents)$/, replacement: resolve(__dirname, '../../libs/$1/src') },
      { find: /^@rectiflow\/(domain|documents)\/(.*)$/, replacement: resolve(__dirname, '../../libs/$1/src/$2') },
    ],
  },
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
