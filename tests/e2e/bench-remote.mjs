// Benchmark (not a test): remote edits reaching a browser. A participant's Chromium
// opens a free board of 3,000 and of 10,000 cards served by `paja serve`; 40 peers
// (plain Yjs clients over y-websocket, in this process) each edit a random card's
// text every 2 s on average. Prints, for each build:
//   - edit to screen: from a peer's edit (the peer's Date.now(), carried in the
//     text) to that text in the card's node in the page (a MutationObserver), for
//     edits to cards on screen, at 3,000 and 10,000 cards; and the page's share of
//     it, from the text's arrival on the page's socket to the node;
//   - frames while panning the 10,000-card board during those edits
//     (requestAnimationFrame intervals): p50 / p95 frame time and frames per second.
//
// The reference is today's code: the last commit before projections were pushed
// incrementally (REFERENCE below, or --reference REV). There each change made the
// hub project the whole workshop and push it to the browser, which replaced its view
// whole, rebuilt every node and asked for its local view again. The script takes
// that revision with `git archive` into the cargo target dir and builds its `paja`
// and its UI there (kept, so only the first run builds), then measures the reference
// and the build under test one after the other in the same run, on the same board.
// (Both builds share the target dir; after building the reference the script
// touches src/main.rs so that cargo links the binary under test again.)
//
//   node tests/e2e/bench-remote.mjs [--reference REV]        (make bench)
//   node tests/e2e/bench-remote.mjs --no-reference --sizes 3000   (a quick look)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { cliBin, openBrowser, repo, serveWorkshop, stopAll, tempDir, uiDist } from './harness.mjs';

const REFERENCE = '75abdc9';
const PEERS = 40;
const EDIT_EVERY_MS = 2000;
const PROBES = 30;
const sizesAt = process.argv.indexOf('--sizes');
const SIZES = sizesAt > 0 ? process.argv[sizesAt + 1].split(',').map(Number) : [3000, 10000];
const PAN_SIZE = 10000;
const PAN_MS = 40000;

process.setMaxListeners(0); // each y-websocket peer listens for the process's exit
const interop = createRequire(join(repo, 'tests', 'interop', 'package.json'));
const Y = interop('yjs');
const { WebsocketProvider } = interop('y-websocket');
const WebSocket = interop('ws');

const argAt = process.argv.indexOf('--reference');
const referenceRev = argAt > 0 ? process.argv[argAt + 1] : REFERENCE;

function run(cmd, args, options = {}) {
  const done = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (done.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${done.stderr}`);
  return done.stdout;
}

/** Today's code built once into the target dir that holds the build under test. */
function referenceBuild(rev) {
  const target = dirname(dirname(cliBin));
  // The reference is built in the profile of the build under test (make bench: release).
  const profile = basename(dirname(cliBin));
  const build = ['build', '-p', 'paja', '--bin', 'paja', ...(profile === 'release' ? ['--release'] : [])];
  const commit = run('git', ['-C', repo, 'rev-parse', '--short', `${rev}^{commit}`]).trim();
  const dir = join(target, 'bench-reference', commit);
  const bin = join(dir, 'paja');
  const ui = join(dir, 'ui', 'dist');
  const env = { ...process.env, CARGO_TARGET_DIR: target };
  if (!existsSync(bin) || !existsSync(join(ui, 'index.html'))) {
    console.log(`building the reference ${commit} once (kept in ${dir})`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = join(dir, '..', `${commit}.tar`);
    run('git', ['-C', repo, 'archive', '-o', archive, commit]);
    run('tar', ['-xf', archive, '-C', dir]);
    rmSync(archive);
    symlinkSync(join(repo, 'ui', 'node_modules'), join(dir, 'ui', 'node_modules'));
    run(join(repo, 'ui', 'node_modules', '.bin', 'vite'), ['build'], { cwd: join(dir, 'ui') });
    run('cargo', [...build, '--manifest-path', join(dir, 'Cargo.toml')], { env });
    copyFileSync(join(target, profile, 'paja'), bin);
  }
  if (readFileSync(bin).equals(readFileSync(cliBin))) {
    // The reference's build replaced the binary under test in the shared target dir:
    // cargo links that again only once its main file looks changed.
    const main = join(repo, 'src', 'main.rs');
    const now = new Date();
    utimesSync(main, now, now);
    run('cargo', build, { env, cwd: repo });
  }
  if (readFileSync(bin).equals(readFileSync(cliBin))) throw new Error('the reference and the build under test are the same binary');
  return { label: `reference ${commit}`, bin, ui };
}

/** A workshop file whose one free board `bench` holds `n` cards on a grid. */
function workshopWith(bin, n) {
  const dir = tempDir('paja-bench-');
  const empty = join(dir, 'empty.paja');
  run(bin, ['new', empty, '--title', 'Bench']);
  const exported = join(dir, 'empty.json');
  run(bin, ['export', 'json', empty, '-o', exported]);
  const json = JSON.parse(readFileSync(exported, 'utf8'));
  const columns = Math.ceil(Math.sqrt(n));
  json.boards = [
    {
      id: 'bench', kind: 'free', title: `${n} korttia`, session_id: null, archived: false, order: 1,
      cards: Array.from({ length: n }, (_, i) => ({
        id: `c${String(i).padStart(5, '0')}`, text: `Kortti ${i}: äänestys ja yhteistyö`, color: ['yellow', 'green', 'blue', 'pink'][i % 4],
        picture: null, pos: { x: (i % columns) * 260, y: Math.floor(i / columns) * 220 },
      })),
    },
  ];
  const source = join(dir, 'bench.json');
  writeFileSync(source, JSON.stringify(json));
  const file = join(dir, 'bench.paja');
  run(bin, ['import', 'json', source, '-o', file]);
  return file;
}

/** `count` Yjs peers joined with the room's code, each holding the whole board. */
async function joinPeers(hub, count, cards) {
  const port = new URL(hub.url).port;
  const peers = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'content', doc, {
      WebSocketPolyfill: WebSocket,
      params: { code: hub.code, name: `Vertainen ${i + 1}` },
      disableBc: true,
    });
    peers.push({ doc, provider, cards: () => doc.getMap('workshop').get('boards')?.get('bench')?.get('cards') });
  }
  const deadline = Date.now() + 120000;
  while (peers.some((p) => (p.cards()?.size ?? 0) < cards)) {
    if (Date.now() > deadline) throw new Error('the peers did not receive the board');
    await new Promise((r) => setTimeout(r, 200));
  }
  return peers;
}

/** One edit: the card's text becomes a note of when it was sent. */
function edit(peer, id) {
  const text = peer.cards().get(id).get('text');
  peer.doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, `Muokattu @${Date.now()}`);
  });
}

/** Every peer edits a random card every `EDIT_EVERY_MS` on average; returns the stop. */
function workshopRate(peers, n) {
  const timers = new Set();
  let on = true;
  for (const peer of peers) {
    const next = () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!on) return;
        edit(peer, `c${String(Math.floor(Math.random() * n)).padStart(5, '0')}`);
        next();
      }, Math.random() * 2 * EDIT_EVERY_MS);
      timers.add(timer);
    };
    next();
  }
  return () => {
    on = false;
    for (const t of timers) clearTimeout(t);
  };
}

/** Before the page's own code: when each edit's text first arrived on the page's socket. */
function watchSocket() {
  window.__arrived = new Map();
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const now = Date.now();
        for (const m of String(e.data).matchAll(/@(\d{13})/g)) if (!window.__arrived.has(m[1])) window.__arrived.set(m[1], now);
      });
    }
  };
}

/** The page records each edit's time to its node's text, keyed by card and time sent. */
function watchEdits() {
  window.__latency = [];
  const seen = new Set();
  const root = document.querySelector('.react-flow__nodes');
  new MutationObserver((records) => {
    const now = Date.now();
    for (const r of records) {
      const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('.react-flow__node');
      const sent = el && /@(\d{13})/.exec(el.querySelector('textarea')?.value ?? el.textContent);
      if (!sent || seen.has(el.dataset.id + sent[1])) continue;
      seen.add(el.dataset.id + sent[1]);
      const arrived = window.__arrived.get(sent[1]);
      window.__latency.push({ id: el.dataset.id, ms: now - Number(sent[1]), page: arrived ? now - arrived : NaN });
    }
  }).observe(root, { subtree: true, childList: true, characterData: true });
}

function visibleCards() {
  return [...document.querySelectorAll('.react-flow__node')]
    .filter((n) => {
      const r = n.getBoundingClientRect();
      return r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    })
    .map((n) => n.dataset.id);
}

/** A point on the empty canvas, where a drag pans rather than moves a card. */
function emptyPoint() {
  const canvas = document.querySelector('.react-flow').getBoundingClientRect();
  for (let y = canvas.top + 40; y < canvas.bottom - 40; y += 7) {
    for (let x = canvas.left + 60; x < canvas.right - 60; x += 7) {
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
  }
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function latency(page, peers) {
  await page.evaluate(watchEdits);
  const visible = await page.evaluate(visibleCards);
  const probes = [];
  for (let i = 0; i < PROBES; i++) {
    const id = visible[(i * 7) % visible.length];
    edit(peers[i % peers.length], id);
    probes.push(id);
    await sleep(400);
  }
  await sleep(3000);
  const samples = await page.evaluate(() => window.__latency);
  const ms = samples.map((s) => s.ms);
  return { ...spread(ms), page: spread(samples.map((s) => s.page).filter(Number.isFinite)), samples: ms.length, probes: PROBES, visible: visible.length };
}

async function panning(page) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  // Four drags, or as many as fit in PAN_MS: a slow page answers each move late.
  for (let round = 0; round < 4 && Date.now() - started < PAN_MS; round++) {
    const from = await page.evaluate(emptyPoint);
    if (!from) throw new Error('no empty place on the canvas to pan from');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const dir = round % 2 === 0 ? -1 : 1;
    for (let i = 1; i <= 60 && Date.now() - started < PAN_MS; i++) await page.mouse.move(from.x + dir * i * 10, from.y + dir * i * 4);
    await page.mouse.up();
  }
  const seconds = (Date.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    window.__stop = true;
    return window.__frames.slice(3);
  });
  const total = frames.reduce((a, b) => a + b, 0);
  return { ...spread(frames), fps: (1000 * frames.length) / total, frames: frames.length, seconds };
}

function spread(values) {
  if (values.length === 0) return { p50: NaN, p95: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function measure(build, n) {
  const hub = await serveWorkshop(workshopWith(build.bin, n), { bin: build.bin, ui: build.ui });
  const peers = await joinPeers(hub, PEERS, n);
  const { page } = await openBrowser(undefined, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watchSocket);
  await page.goto(hub.join);
  await page.getByTestId('join-button').waitFor();
  await page.getByRole('textbox').first().fill('Selaimen osallistuja');
  await page.getByTestId('join-button').click();
  await page.getByTestId('workshop-title').waitFor({ timeout: 120000 });
  await page.evaluate(() => (window.location.hash = '#/board/bench'));
  await page.locator('.react-flow__node').first().waitFor({ timeout: 120000 });
  await sleep(2000);
  const stop = workshopRate(peers, n);
  await sleep(2000);
  const result = { latency: await latency(page, peers) };
  if (n === PAN_SIZE) result.panning = await panning(page);
  stop();
  for (const p of peers) p.provider.destroy();
  await stopAll();
  return result;
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const ratio = (ref, now) => (Number.isFinite(ref) && Number.isFinite(now) && now > 0 ? `${(ref / now).toFixed(1)}×` : '–');

const thisBuild = { label: 'this build', bin: cliBin, ui: uiDist };
const builds = [process.argv.includes('--no-reference') ? { ...thisBuild, label: 'this build again' } : referenceBuild(referenceRev), thisBuild];
const results = {};
for (const n of SIZES) {
  for (const build of builds) {
    results[`${build.label} ${n}`] = await measure(build, n);
    console.log(`${build.label.padEnd(20)} ${n} cards measured`);
  }
}

console.log(`\nremote edit to screen (${PEERS} peers, each editing every ${EDIT_EVERY_MS / 1000} s; ${PROBES} probe edits to cards on screen)`);
for (const n of SIZES) {
  const [ref, now] = builds.map((b) => results[`${b.label} ${n}`].latency);
  for (const [b, l] of [[builds[0], ref], [builds[1], now]]) {
    console.log(
      `  ${String(n).padStart(5)} cards  ${b.label.padEnd(20)} p50 ${f(l.p50)} ms  p95 ${f(l.p95)} ms  max ${f(l.max)} ms  (${l.samples} edits seen; ` +
        `in the page, from the socket to the node: p50 ${f(l.page.p50)} ms  p95 ${f(l.page.p95)} ms)`,
    );
  }
  const met = (ms) => (ms <= 16 ? 'met' : 'not met');
  const target = n === 10000 ? `  (target ≤ 16 ms, one frame: p50 ${met(now.p50)}, p95 ${met(now.p95)})` : '';
  console.log(`  ${String(n).padStart(5)} cards  ratio p50 ${ratio(ref.p50, now.p50)} faster, p95 ${ratio(ref.p95, now.p95)} faster${target}`);
}
if (!SIZES.includes(PAN_SIZE)) process.exit(0);
console.log(`\npanning ${PAN_SIZE} cards while ${PEERS} peers edit`);
const [refPan, nowPan] = builds.map((b) => results[`${b.label} ${PAN_SIZE}`].panning);
for (const [b, p] of [[builds[0], refPan], [builds[1], nowPan]]) {
  console.log(`  ${b.label.padEnd(20)} p50 ${f(p.p50)} ms  p95 ${f(p.p95)} ms  ${f(p.fps)} fps  (${p.frames} frames in ${f(p.seconds)} s)`);
}
console.log(`  ratio fps ${(nowPan.fps / refPan.fps).toFixed(2)}×  (target ≥ 50 fps)`);
process.exit(0);
