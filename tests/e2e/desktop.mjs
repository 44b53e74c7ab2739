// What the real-window tests share: where the binaries are, a fresh home folder,
// axe-core in the window, buttons found by their text, and PDFs read with poppler.
//
// PAJA_DESKTOP_BIN, PAJA_CLI_BIN and TAURI_DRIVER override where things are.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTauriDriver, startXvfb, stopAll } from './processes.mjs';
import { WebDriver } from './webdriver.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const targetDir = resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
export const desktopBin = process.env.PAJA_DESKTOP_BIN ?? join(targetDir, 'debug', 'paja-desktop');
export const cliBin = process.env.PAJA_CLI_BIN ?? join(targetDir, 'debug', 'paja');
export const tauriDriver = process.env.TAURI_DRIVER ?? findTauriDriver();
const axeSource = readFileSync(createRequire(join(repo, 'ui', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

function findTauriDriver() {
  const onPath = spawnSync('sh', ['-c', 'command -v tauri-driver'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'tauri-driver');
}

/** Fails with what to run when a binary the window tests need is not built. */
export function requireBinaries() {
  for (const [what, path] of [['paja-desktop', desktopBin], ['tauri-driver', tauriDriver], ['paja', cliBin]]) {
    assert.ok(existsSync(path), `${what} not found at ${path}; run \`make test\`, which builds and installs it`);
  }
}

/** The environment of a person who has never used Paja: an empty home with its XDG folders. */
export function freshHome(home) {
  const env = { HOME: home };
  for (const name of ['DATA', 'CONFIG', 'CACHE']) {
    env[`XDG_${name}_HOME`] = join(home, `.${name.toLowerCase()}`);
    mkdirSync(env[`XDG_${name}_HOME`], { recursive: true });
  }
  return env;
}

/**
 * A machine where Paja has never run: a fresh home in a new folder, a virtual display
 * and tauri-driver, with `env` added to the app's environment. `open(args)` starts the
 * app as a person does (from the menu with no arguments, or by a double-click on a
 * file), ending the one before; `close()` ends everything and removes the folder.
 */
export async function freshMachine(prefix, env = {}) {
  requireBinaries();
  const work = mkdtempSync(join(tmpdir(), prefix));
  const home = join(work, 'home');
  const driver = await startTauriDriver({ binary: tauriDriver, display: await startXvfb(), env: { ...freshHome(home), ...env } });
  const machine = {
    work,
    home,
    session: null,
    async open(args = []) {
      if (machine.session) await machine.session.quit();
      machine.session = await WebDriver.startSession(driver.base, { 'tauri:options': { application: desktopBin, args } });
      return machine.session;
    },
    async close() {
      try {
        if (machine.session) await machine.session.quit();
      } finally {
        await stopAll();
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
  return machine;
}

/** axe-core's WCAG A and AA violations in the window as it is now. */
export async function axeViolations(session) {
  if (!(await session.execute(`return 'axe' in window;`))) await session.execute(`${axeSource}; return true;`);
  const json = await session.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => done(JSON.stringify(r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))),
             (e) => done(JSON.stringify([{ id: 'axe failed', nodes: [String(e)] }])));`,
  );
  return JSON.parse(json);
}

/** The enabled button inside `scope` (a CSS selector) whose text is `label`, once there. */
export async function buttonByText(session, label, scope = 'body') {
  const script = `return [...document.querySelectorAll(${JSON.stringify(`${scope} button`)})].find((b) => b.textContent.trim() === ${JSON.stringify(label)} && !b.disabled);`;
  return Object.values(await session.waitFor(script, { what: `the button ${label}` }))[0];
}

/** In the open Vie dialog, waits for the suggested file name ending `ending`, starts the
 * export and resolves with the path the dialog says it wrote. */
export async function exportThroughDialog(session, ending) {
  const path = await session.waitFor(
    `const p = document.querySelector('[data-testid="export-path"]')?.textContent; return p && p.endsWith(${JSON.stringify(ending)}) ? p : null;`,
    { what: `a default file name ending ${ending}` },
  );
  const start = await session.findElement('[data-testid="export-start"]');
  await session.scrollTo(start);
  await session.click(start);
  const written = await session.waitFor(
    `const done = document.querySelector('[data-testid="export-done"] .export-written')?.textContent;
     const failed = document.querySelector('[data-testid="export-failed"]');
     return done ?? (failed ? 'failed: ' + failed.textContent : null);`,
    { what: 'the export to finish', timeoutMs: 120000 },
  );
  assert.equal(written, path, 'the dialog names the file it wrote');
  return written;
}

/** Saves the window as it is now into docs/screenshots/NAME.png, for the README. A picture
 * is not a check: when the driver cannot take one, the test says so and goes on. */
export async function saveScreenshot(session, name) {
  const dir = join(repo, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, `${name}.png`), await session.screenshot({ timeoutMs: 20000 }));
  } catch (err) {
    console.log(`# no screenshot ${name}.png: ${err.message}`);
  }
}

/** The PDF's text as pdftotext reads it, after checking with pdffonts that every font is embedded. */
export function pdfText(path) {
  const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, `pdftotext reads the file: ${text.stderr}`);
  const fonts = spawnSync('pdffonts', [path], { encoding: 'utf8' });
  assert.equal(fonts.status, 0, `pdffonts reads the file: ${fonts.stderr}`);
  const rows = fonts.stdout.trim().split('\n').slice(2);
  assert.ok(rows.length > 0, 'the PDF has fonts');
  for (const row of rows) assert.equal(row.trim().split(/\s+/).at(-5), 'yes', `every font is embedded: ${row}`);
  return text.stdout;
}
