// The shared end-to-end harness: a real `paja serve` on loopback serving the
// built UI, Debian's Chromium driven by playwright-core (never a downloaded
// browser), axe-core injected into the page, and the .paja file read back
// through the CLI's JSON export. Everything started here is stopped by `stopAll`.
//
//   const hub = await serveWorkshop(await demoWorkshop());
//   const { page } = await openBrowser(hub.page);
//   ... drive the UI ...
//   const stored = exportJson(hub.file);     // what the file holds now
//   assert.deepEqual(await axeViolations(page), []);
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const targetDir = resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
export const cliBin = process.env.PAJA_CLI_BIN ?? join(targetDir, 'debug', 'paja');
export const uiDist = process.env.PAJA_UI_DIST ?? join(repo, 'ui', 'dist');
export const chromiumBin = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const screenshotDir = join(repo, 'docs', 'screenshots');

// The UI's node_modules hold the browser driver and axe-core.
const uiRequire = createRequire(join(repo, 'ui', 'package.json'));
const { chromium } = uiRequire('playwright-core');
const axeSource = readFileSync(uiRequire.resolve('axe-core/axe.min.js'), 'utf8');

const started = [];
const scratch = [];

/** Stops `child` (a process in its own group) with everything else in `stopAll`. */
export function track(child) {
  started.push(child);
  return child;
}

/** A fresh temporary folder, removed by `stopAll`. */
export function tempDir(prefix = 'paja-e2e-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

function cli(args) {
  assert.ok(existsSync(cliBin), `the paja CLI is missing at ${cliBin}; \`make cli\` builds it`);
  const run = spawnSync(cliBin, args, { encoding: 'utf8', timeout: 60000 });
  assert.equal(run.status, 0, `paja ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** A new file holding the core's fictional demo workshop. */
export function demoWorkshop() {
  const file = join(tempDir(), 'demo.paja');
  cli(['demo', file]);
  return file;
}

/** What the .paja file holds now, as the CLI exports it (`paja export json FILE -o OUT`). */
export function exportJson(file) {
  const out = join(tempDir('paja-export-'), 'out.json');
  cli(['export', 'json', file, '-o', out]);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** `paja serve FILE` on a free loopback port with the built UI; resolves once it listens.
 * A benchmark passes another build's `bin` and `ui` to serve a reference. With `tls`,
 * app peers need the certificate's fingerprint, and browsers get the page and their
 * encrypted channel over plain HTTP on the same port, as on a laptop in a room. */
export async function serveWorkshop(file, { bin = cliBin, ui = uiDist, tls = false } = {}) {
  assert.ok(existsSync(join(ui, 'index.html')), `the built UI is missing at ${ui}; \`make ui\` builds it`);
  const plain = tls ? [] : ['--insecure-loopback'];
  const child = spawn(
    bin,
    ['serve', file, '--bind', '127.0.0.1', '--port', '0', ...plain, '--no-mdns', '--browsers', '--ui', ui],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  started.push(child);
  const lines = {};
  let log = '';
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`paja serve did not start:\n${log}`)), 20000);
    child.stderr.on('data', (chunk) => (log += chunk));
    child.stdout.on('data', (chunk) => {
      log += chunk;
      for (const line of String(chunk).split('\n')) {
        const [key, ...rest] = line.trim().split(' ');
        if (key) lines[key] = rest.join(' ');
      }
      if (lines.lead) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', (code) => fail(new Error(`paja serve exited with ${code}:\n${log}`)));
  });
  // The page as a co-facilitator opens it: the lead link's key (in the fragment, never
  // sent) proves the facilitator's role through the channel. `join` is the participants'
  // join link (`#code=C&key=K`); `root` the bare address, where a typed code joins.
  return { file, page: lines.lead, join: lines.browser, root: lines.page, code: lines.code, url: lines.listening, lines, log: () => log };
}

/** Chromium, headless, with a fresh profile; returns the context and one page. */
export async function openBrowser(url, { viewport = { width: 1280, height: 800 }, locale = 'fi-FI' } = {}) {
  const profile = tempDir('paja-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumBin,
    headless: true,
    viewport,
    locale,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  started.push({ close: () => context.close() });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.errors = errors;
  if (url) {
    await page.goto(url);
    await page.locator('[data-testid="workshop-title"], [data-testid="board-title-heading"]').first().waitFor();
  }
  return { context, page };
}

/** axe-core's violations on the page as it is now (WCAG 2.1 A and AA), summarised. */
export async function axeViolations(page, { exclude = [] } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    (exclude) =>
      window.axe.run(
        { include: [document], exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
      ),
    exclude,
  );
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/** Saves a small PNG of the page (or an element) into docs/screenshots/NAME.png. */
export async function screenshot(target, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  writeFileSync(path, await target.screenshot({ type: 'png' }));
  return path;
}

/** Polls `check` until it returns something truthy; fails with `what` after `ms`. */
export async function eventually(check, what, ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${ms} ms (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The boards of a kind in an exported workshop. */
export function boardsOf(stored, kind) {
  return stored.boards.filter((b) => b.kind === kind);
}

/** Stops every server and browser started here and removes the temporary folders. */
export async function stopAll() {
  for (const thing of started.reverse()) {
    if (thing.close) {
      await thing.close().catch(() => undefined);
    } else if (thing.exitCode === null && thing.signalCode === null) {
      const exited = new Promise((r) => thing.once('exit', r));
      try {
        process.kill(-thing.pid, 'SIGTERM');
      } catch {
        continue;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  }
  started.length = 0;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A PNG of `width` × `height` with a text chunk, made here so no test needs a file. */
export async function makePng(width, height, text = 'Author\0Testi Kuvaaja') {
  const zlib = await import('node:zlib');
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 255) / width, (y * 255) / height, 120], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(text, 'latin1')),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let channelSource = null;

/** Puts the UI's channel code (`ui/src/backend/channel.ts`, bundled) into `page` as
 * `window.PajaChannel`, so a test can speak to `/rpc` as a raw client would. */
export async function injectChannel(page) {
  if (!channelSource) {
    const esbuild = uiRequire('esbuild');
    const built = await esbuild.build({
      entryPoints: [join(repo, 'ui', 'src', 'backend', 'channel.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'PajaChannel',
      write: false,
      nodePaths: [join(repo, 'ui', 'node_modules')],
    });
    channelSource = built.outputFiles[0].text;
  }
  if (!(await page.evaluate(() => 'PajaChannel' in window))) await page.addScriptTag({ content: channelSource });
}

/** One raw request over a fresh channel from `page`: proves `secret`/`password`, sends
 * `first` (the join) and then `request`; resolves with its answer, or the refusal. */
export async function rawCall(page, { secret, password, first, request }) {
  await injectChannel(page);
  return page.evaluate(
    ({ secret, password, first, request }) =>
      new Promise((done) => {
        const exchange = new window.PajaChannel.Exchange(password);
        const ws = new WebSocket(`ws://${location.host}/rpc`);
        ws.binaryType = 'arraybuffer';
        let keys = null;
        ws.onopen = () => ws.send(exchange.opening(secret));
        ws.onclose = () => done({ closed: true });
        ws.onmessage = (event) => {
          if (typeof event.data === 'string') return done(JSON.parse(event.data));
          const bytes = new Uint8Array(event.data);
          if (!keys) {
            keys = exchange.finish(bytes);
            ws.send(keys.seal(JSON.stringify(first)));
            return;
          }
          const message = JSON.parse(keys.open(bytes));
          if (message.event === 'welcome') ws.send(keys.seal(JSON.stringify({ id: 1, ...request })));
          else if (message.event === 'refused' || message.id === 1) done(message);
        };
      }),
    { secret, password, first, request },
  );
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The raw evaluation answers a hub keeps to itself, never in the shared workshop, read
 * from its file with plain SQLite (`sqlite3`), as anyone holding the file could. */
export function keptAnswers(file) {
  const sql = "SELECT COALESCE(json_group_array(json(a.value)), '[]') FROM answers, json_each(answers.body) a";
  const run = spawnSync('sqlite3', ['-readonly', file, sql], { encoding: 'utf8' });
  assert.equal(run.status, 0, `sqlite3 reads the hub's file: ${run.stderr}`);
  return JSON.parse(run.stdout.trim() || '[]');
}
