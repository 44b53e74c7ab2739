// Benchmark (not a test): frame times while panning and zooming a board of
// 3,000 cards in Chromium, against a reference run of 300 cards in the same
// command. Prints p50 / p95 frame time in ms and frames per second.
//
//   node tests/e2e/bench-canvas.mjs [CARDS]        (make bench)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliBin, exportJson, openBrowser, serveWorkshop, stopAll, tempDir } from './harness.mjs';

const CARDS = Number(process.argv[2] ?? 3000);
const REFERENCE = Math.max(1, Math.round(CARDS / 10));

/** A workshop file whose one persona board holds `n` cards on a grid. */
function workshopWith(n) {
  const dir = tempDir('paja-bench-');
  const empty = join(dir, 'empty.paja');
  spawnSync(cliBin, ['new', empty, '--title', 'Bench'], { encoding: 'utf8' });
  const json = exportJson(empty);
  const columns = Math.ceil(Math.sqrt(n));
  const names = ['Äiti', 'Åke', 'Öljy', 'Sanna', 'Pekka'];
  json.boards = [
    {
      id: 'bench', kind: 'persona', title: `${n} korttia`, session_id: null, archived: false, order: 1,
      personas: Array.from({ length: n }, (_, i) => ({
        id: `p${i}`, name: `${names[i % names.length]} ${i}`, age: String(20 + (i % 60)), avatar: `drawn:${1 + (i % 4)}`,
        goal: 'Oma koti ja työ', pos: { x: (i % columns) * 260, y: Math.floor(i / columns) * 140 }, order: i,
      })),
    },
  ];
  const source = join(dir, 'bench.json');
  writeFileSync(source, JSON.stringify(json));
  const file = join(dir, 'bench.paja');
  const made = spawnSync(cliBin, ['import', 'json', source, '-o', file], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`paja import failed: ${made.stderr}`);
  return file;
}

function stats(frames) {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
  return { p50: at(0.5), p95: at(0.95), fps: 1000 / mean, frames: frames.length };
}

async function measure(n) {
  const hub = await serveWorkshop(workshopWith(n));
  const { page } = await openBrowser(`${hub.page}#/board/bench`, { viewport: { width: 1280, height: 800 } });
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60000 });
  const box = await page.getByTestId('persona-canvas').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
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
  // Pan by dragging the background, then zoom in and out with the wheel.
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 40; i++) await page.mouse.move(cx - i * 12, cy - i * 6);
    await page.mouse.up();
    for (let i = 0; i < 15; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < 25; i++) await page.mouse.wheel(0, 120);
  }
  const frames = await page.evaluate(() => {
    window.__stop = true;
    return window.__frames.slice(5);
  });
  await stopAll();
  return stats(frames);
}

const show = (label, s) =>
  `${label.padEnd(12)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  ${s.fps.toFixed(1)} fps  (${s.frames} frames)`;

const reference = await measure(REFERENCE);
const full = await measure(CARDS);
console.log(show(`${REFERENCE} cards`, reference));
console.log(show(`${CARDS} cards`, full));
console.log(`ratio        p95 ${(full.p95 / reference.p95).toFixed(2)}×  fps ${(full.fps / reference.fps).toFixed(2)}×  (target ≥ 50 fps)`);
