/**
 * The servers the cross-engine suite starts and stops itself:
 * - `startPreview`: `vite preview` of the built app, exactly what `npm start` serves;
 * - `startStatic`: a tiny static server of the same folder for what vite preview cannot do: be a second origin
 *   for a host page, fail a chunk's first request with a 503, hide `navigator.webdriver` from the app (the way
 *   Playwright's addInitScript does in e2e/offline.spec.ts), and go away on demand (a network that drops).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** The folder of the built app: `npm run build` writes dist/; CROSS_DIST points at another outDir. */
export const DIST = resolve(process.env.CROSS_DIST ?? 'dist');

/** Polls an address until it answers (any status), within a bounded time. */
export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(error)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

export interface Running {
  origin: string;
  stop(): Promise<void>;
}

/** Ends a child process and all of its own children (it was started as a process group leader). */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const killTimer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(killTimer);
}

/** Children still running when the process leaves (a crash, Ctrl-C) are ended with it. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** Starts a process as its own group, remembered so it never outlives the suite. */
export function spawnGroup(command: string, args: string[], log: (line: string) => void): ChildProcess {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

export async function startPreview(port: number, dist = DIST): Promise<Running> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: build the app first (npm run build)`);
  const output: string[] = [];
  const vite = resolve('node_modules/vite/bin/vite.js');
  const child = spawnGroup(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
    (line) => output.push(line),
  );
  const origin = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitForHttp(`${origin}/`),
      new Promise((_, fail) => child.once('exit', (code) => fail(new Error(`vite preview exited (${code}): ${output.join('\n')}`)))),
    ]);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { origin, stop: () => stopGroup(child) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Served at /__cross-init.js by a server started with `hideAutomation`. */
const HIDE_AUTOMATION = "Object.defineProperty(Navigator.prototype, 'webdriver', { configurable: true, get: function () { return false; } });\n";

export interface StaticOptions {
  /** The first request whose path matches is answered with a 503; later ones normally. */
  failFirst?: RegExp;
  /**
   * Pages look like a normal browser's (`navigator.webdriver` false), so the app registers its service worker,
   * which it skips under automation: index.html gets a same-origin script that runs before the app's.
   */
  hideAutomation?: boolean;
}

export interface StaticServer extends Running {
  /** Paths requested so far, in order (without the query). */
  requests: string[];
}

export async function startStatic(port: number, options: StaticOptions = {}): Promise<StaticServer> {
  const requests: string[] = [];
  let failed = false;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const headers = { 'cache-control': 'no-cache' };
      if (options.failFirst && !failed && options.failFirst.test(path)) {
        failed = true;
        response.writeHead(503, { ...headers, 'content-type': 'text/plain' }).end('Service unavailable (cross-engine test)');
        return;
      }
      if (options.hideAutomation && path === '/__cross-init.js') {
        response.writeHead(200, { ...headers, 'content-type': TYPES['.js'] }).end(HIDE_AUTOMATION);
        return;
      }
      const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(DIST + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        let body: Buffer | string = await readFile(file);
        if (options.hideAutomation && file === join(DIST, 'index.html')) {
          body = body.toString('utf8').replace('</title>', '</title>\n    <script src="./__cross-init.js"></script>');
        }
        response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
