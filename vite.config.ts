import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { retryableChunks } from './scripts/retryableChunks.ts';
import { reactSentinels } from './scripts/reactSentinels.ts';
import { VitePWA } from 'vite-plugin-pwa';
import type { ChunkingContext, ModuleInfo, OutputChunk } from 'rolldown';

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
 * Names each language's chunks in index.html for public/locale-hint.js, which preloads the page's language in
 * parallel with the main script (main.tsx waits for those strings before the first render): its first-screen
 * strings always, and the later parts' strings for a Lab link (see the script).
 */
function hintLocaleChunks(): Plugin {
  return {
    name: 'dropout-lab:hint-locale-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks: Record<string, string> = {};
        const parts: Record<string, string> = {};
        for (const output of Object.values(context.bundle ?? {})) {
          const match = output.type === 'chunk' ? /\/src\/i18n\/(parts\.)?(en|zh-CN)\.ts$/.exec(output.facadeModuleId ?? '') : null;
          if (match) (match[1] ? parts : chunks)[match[2]] = `./${output.fileName}`;
        }
        if (Object.keys(chunks).length === 0 || Object.keys(parts).length === 0) {
          throw new Error('hint-locale-chunks: no language chunk (or no later parts\' strings) in the bundle');
        }
        const attribute = (value: object) => JSON.stringify(value).replace(/"/g, '&quot;');
        return html.replace(
          '</title>',
          `</title>\n    <script async src="./locale-hint.js" data-locales="${attribute(chunks)}" data-parts="${attribute(parts)}"></script>`,
        );
      },
    },
  };
}

/**
 * `<link rel=modulepreload>` in index.html for what the entry script imports statically (the shell chunk and the
 * bundler's runtime). With `modulePreload: false` (see below) the build writes none, so the browser found the
 * 100 kB shell only once the 1 kB entry had arrived: one round trip more before anything could render. These
 * files load on every view, so preloading them never fetches what a page does not use.
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'dropout-lab:preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const entries = Object.values(context.bundle ?? {}).filter((output): output is OutputChunk => output.type === 'chunk' && output.isEntry);
        if (entries.length !== 1) throw new Error('preload-entry-imports: expected one entry chunk');
        const links = entries[0].imports.map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`);
        if (links.length === 0) throw new Error('preload-entry-imports: the entry chunk imports nothing');
        return html.replace('</title>', `</title>\n    ${links.join('\n    ')}`);
      },
    },
  };
}

/**
 * Offline and installable, from vite-plugin-pwa (Workbox): the build writes sw.js with a precache manifest of
 * every file it produced (the shell, each lazy chunk, both languages, the training worker, the icons), so a lab
 * that has loaded once starts again with the network off, and manifest.webmanifest so a Chromebook can install it.
 * - Scoped to the lab's own folder: base './' gives the worker the scope of the folder index.html is served from.
 * - No inline script (the Content-Security-Policy forbids them): injectRegister null, and src/state/offline.ts
 *   registers ./sw.js from the app's own module, only in the production build.
 * - Updates: a new build installs in the background and waits; the page shows the "newer version" notice, whose
 *   button activates it (registerType 'prompt'). The first install takes the open page over (clientsClaim).
 * - Every request stays on this origin: the Workbox runtime is a local file next to sw.js, not a CDN import.
 */
function offline() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: null,
    // The icons come into the precache through the glob below, which covers every file of the build.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'Dropout Lab',
      short_name: 'Dropout Lab',
      description:
        "Watch dropout switch neurons off, train a network with and without it, and check PyTorch's nn.Dropout example number by number.",
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d3557',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // Every file of the build (the plugin adds manifest.webmanifest itself).
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      // Vite's own manifest is build metadata, not part of the app.
      globIgnores: ['.vite/**'],
      // Any address of the lab (?p=0.5&locale=zh-CN…) opens the cached page.
      navigateFallback: 'index.html',
      // The host-page example is a page of its own (Workbox matches this against the path and the query).
      navigateFallbackDenylist: [/\/embed-example\.html(\?|$)/],
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}


/**
 * Whether the page's entry script (src/main.tsx, the module index.html loads) loads `id` through static imports
 * alone, so before the first screen renders: some chain of static importers leads from the entry script to it.
 * The entry script itself is not counted: it stays the entry chunk.
 */
function loadedWithEntry(id: string, context: ChunkingContext, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = context.getModuleInfo(id);
  if (!info || isEntryScript(info, context)) return false;
  return info.importers.some((importer) => {
    const importerInfo = context.getModuleInfo(importer);
    return importerInfo !== null && (isEntryScript(importerInfo, context) || loadedWithEntry(importer, context, seen));
  });
}

/**
 * The engine's index re-exports every engine module, and the shell group takes whole modules: a first-screen file
 * that imported the index would bring into the shell every engine function that any part of the app uses (the
 * tensor lab's dropout passes, NumPy's generator and its WebAssembly, the experiments), although only the lazy
 * parts run them. So first-screen files import the engine's own modules (src/engine/scenario.ts…), and the build
 * stops when one imports the index. The first screen's panels (network, loss chart) do the same; were one of
 * them to import the index, the engine would come as a chunk of its own, which the first screen's budget
 * (scripts/check-bundle.ts) is too tight to take.
 */
const FIRST_SCREEN_ENGINE = /\/src\/engine\/index\.ts$/;

/** `id`'s group when the entry loads it: the shell, unless it is the engine's index (FIRST_SCREEN_ENGINE). */
function shellModule(id: string): 'shell' {
  if (FIRST_SCREEN_ENGINE.test(id)) {
    throw new Error(
      'A file the first screen loads imports src/engine/index.ts: import the engine module itself (e.g. ../engine/scenario), ' +
        'so that engine code only the lazy parts run stays out of the shell (see FIRST_SCREEN_ENGINE in vite.config.ts).',
    );
  }
  return 'shell';
}

/** An entry of the build (index.html) or a script it loads (src/main.tsx). */
function isEntryScript(info: ModuleInfo, context: ChunkingContext): boolean {
  return info.isEntry || info.importers.some((importer) => context.getModuleInfo(importer)?.isEntry === true);
}

// `base: './'` makes every asset URL relative, so the static build works from any sub-path
// (a course page at https://school.example/ml/dropout-lab/ needs no rebuild).
export default defineConfig({
  base: './',
  plugins: [react(), reactSentinels(), relaxCspInDev(), hintLocaleChunks(), preloadEntryImports(), retryableChunks(), offline()],
  worker: { format: 'es' },
  // The manifest tells scripts/check-bundle.ts which chunks the first screen waits for.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // No <link rel=modulepreload> for a lazy chunk's imports: each panel's chunk fetches them itself (their CSS is
    // still loaded before the panel shows). Vite's preload step made the lesson's two first panels wait for all
    // their files together and arrive in one task; without it they arrive in smaller tasks of their own. Measured
    // in pairs (Chromium 150, 4x slower CPU, 1 Dec 2026): blocked time in the first 3 s 562 -> 404 ms (lesson)
    // and 634 -> 430 ms (Lab), Lighthouse mobile +2 to +11 points in every pair. The cost is one round trip more
    // before the loss chart's helpers arrive, which no first-screen paint waits for. It also drops the preload of
    // the entry's own imports from index.html, which preloadEntryImports() (above) writes back.
    modulePreload: false,
    // The code the first screen always runs in one chunk: every module the entry loads through static imports
    // (React, the store, the shell, the lesson, the strings' loader...). Left to itself the bundler split what the
    // entry shares with the lazy panels into 14 files of 0.2-15 kB: on a slow connection each is a request of its
    // own before the first screen can render (Lighthouse, mobile: first contentful paint 2.1 -> 1.4 s, largest
    // 3.0 -> 2.5 s, speed index 4.4 -> 2.2 s). Read from the module graph, so what is lazy (panels, dialogs,
    // languages) stays lazy without a list to keep up to date.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: (id, context) => (loadedWithEntry(id, context) ? shellModule(id) : null) }],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
