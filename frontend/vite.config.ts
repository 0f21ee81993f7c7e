import { defineConfig } from 'vitest/config';

// The gateway the dev server forwards API calls to (`dotnet run --project ApiGateway` listens on 5080).
const gateway = process.env.SHOP_GATEWAY_URL ?? 'http://localhost:5080';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../ApiGateway/wwwroot',
    // wwwroot also holds the committed page shown before a build; the old build's assets are removed by `prebuild`.
    emptyOutDir: false,
    assetsDir: 'assets',
  },
  server: {
    proxy: Object.fromEntries(['/v1', '/healthz', '/readyz', '/openapi', '/scalar'].map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The purchase through the generated client needs a running gateway; tests/Shop.E2E.Tests starts one and sets it.
    exclude: process.env.SHOP_API_URL ? [] : ['src/**/*.live.test.ts'],
  },
});
