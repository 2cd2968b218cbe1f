import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy in index.html forbids inline scripts, which is right for the built app but
 * blocks the inline React Refresh preamble the dev server injects. Drop the policy only while serving in dev;
 * `npm start` and every end-to-end test use the production build with the policy in force.
 */
function relaxCspInDev(): Plugin {
  return {
    name: 'dropout-lab:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, '');
    },
  };
}

/**
 * Names each language's chunk in index.html for public/locale-hint.js, which preloads the page's language in
 * parallel with the main script (main.tsx waits for those strings before the first render).
 */
function hintLocaleChunks(): Plugin {
  return {
    name: 'dropout-lab:hint-locale-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks: Record<string, string> = {};
        for (const output of Object.values(context.bundle ?? {})) {
          const match = output.type === 'chunk' ? /\/src\/i18n\/(en|zh-CN)\.ts$/.exec(output.facadeModuleId ?? '') : null;
          if (match) chunks[match[1]] = `./${output.fileName}`;
        }
        if (Object.keys(chunks).length === 0) throw new Error('hint-locale-chunks: no language chunk in the bundle');
        const attribute = JSON.stringify(chunks).replace(/"/g, '&quot;');
        return html.replace('</title>', `</title>\n    <script async src="./locale-hint.js" data-locales="${attribute}"></script>`);
      },
    },
  };
}

// `base: './'` makes every asset URL relative, so the static build works from any sub-path
// (a course page at https://school.example/ml/dropout-lab/ needs no rebuild).
export default defineConfig({
  base: './',
  plugins: [react(), relaxCspInDev(), hintLocaleChunks()],
  worker: { format: 'es' },
  // The manifest tells scripts/check-bundle.ts which chunks the first screen waits for.
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
