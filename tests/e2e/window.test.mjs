// The real desktop window: the built paja-desktop binary, driven through
// tauri-driver and WebKitWebDriver on a virtual X display.
//
// Run by `make test` (which builds the UI, the binary and the paja CLI first).
// PAJA_DESKTOP_BIN, PAJA_CLI_BIN and TAURI_DRIVER override where things are;
// PAJA_E2E_SCREENSHOT says where to save a picture of the window.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTauriDriver, startXvfb, stopAll } from './processes.mjs';
import { WebDriver } from './webdriver.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const targetDir = resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
const desktopBin = process.env.PAJA_DESKTOP_BIN ?? join(targetDir, 'debug', 'paja-desktop');
const cliBin = process.env.PAJA_CLI_BIN ?? join(targetDir, 'debug', 'paja');
const tauriDriver = process.env.TAURI_DRIVER ?? findTauriDriver();
const screenshotPath = process.env.PAJA_E2E_SCREENSHOT ?? join(tmpdir(), 'paja-window.png');

function findTauriDriver() {
  const onPath = spawnSync('sh', ['-c', 'command -v tauri-driver'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'tauri-driver');
}

/** The workshop as the core's own CLI describes it (`paja info FILE --json`). */
function coreInfo(file) {
  assert.ok(existsSync(cliBin), `the paja CLI not found at ${cliBin}; \`make test\` builds it`);
  const run = spawnSync(cliBin, ['info', file, '--json'], { encoding: 'utf8', timeout: 30000 });
  assert.equal(run.status, 0, `paja info failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Board titles in the order the page lists them: session by session, board order within. */
function liveBoardTitles(view) {
  const sessions = [...view.sessions].sort((a, b) => a.order - b.order);
  const known = new Set(sessions.map((s) => s.id));
  const live = view.boards.filter((b) => !b.archived).sort((a, b) => a.order - b.order);
  const groups = sessions.map((s) => live.filter((b) => b.session_id === s.id));
  groups.push(live.filter((b) => b.session_id == null || !known.has(b.session_id)));
  return groups.flat().map((b) => b.title);
}

describe('desktop window', { timeout: 180000 }, () => {
  let work;
  let workshop;
  let driver;
  let session;

  before(async () => {
    for (const [what, path] of [['paja-desktop', desktopBin], ['tauri-driver', tauriDriver]]) {
      assert.ok(existsSync(path), `${what} not found at ${path}; run \`make test\`, which builds and installs it`);
    }
    work = mkdtempSync(join(tmpdir(), 'paja-e2e-'));
    workshop = join(work, 'demo.paja');
    // The window's WebKit writes caches under the XDG dirs; keep them out of the user's home.
    const xdg = {};
    for (const name of ['DATA', 'CONFIG', 'CACHE']) {
      xdg[`XDG_${name}_HOME`] = join(work, name.toLowerCase());
      mkdirSync(xdg[`XDG_${name}_HOME`]);
    }
    const display = await startXvfb();
    driver = await startTauriDriver({ binary: tauriDriver, display, env: xdg });
    session = await WebDriver.startSession(driver.base, {
      'tauri:options': { application: desktopBin, args: [workshop] },
    });
  });

  after(async () => {
    try {
      if (session) {
        writeFileSync(screenshotPath, await session.screenshot());
        await session.quit();
      }
    } finally {
      await stopAll();
      if (work) rmSync(work, { recursive: true, force: true });
    }
  });

  /** The page once it has rendered the workshop (or failed to). */
  async function rendered() {
    const state = await session.waitFor(
      `const h1 = document.querySelector('[data-testid="workshop-title"]');
       const alert = document.querySelector('[role="alert"]');
       return h1 ? 'ready' : alert ? 'failed: ' + alert.textContent : null;`,
      { what: 'the workshop page' },
    );
    assert.equal(state, 'ready', 'the window should show the workshop, not an error');
  }

  /** What the core projects for the open file, fetched through the window's own IPC. */
  async function coreView() {
    const json = await session.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke('workshop_view')
         .then((v) => done(JSON.stringify(v)), (e) => done('error: ' + JSON.stringify(e)));`,
    );
    assert.ok(!json.startsWith('error: '), `workshop_view failed: ${json}`);
    return JSON.parse(json);
  }

  it('creates the demo workshop at the path given on the command line', async () => {
    await rendered();
    assert.ok(existsSync(workshop), 'a missing file named on the command line becomes the demo workshop');
  });

  it('shows the workshop title as the page h1', async () => {
    await rendered();
    const title = await session.text(await session.findElement('h1'));
    const view = await coreView();
    assert.ok(title.trim().length > 0, 'the demo workshop has a title');
    assert.equal(title, view.meta.title, 'the h1 is the title the core projects');
  });

  it('lists every live board under "Taulut", in session order', async () => {
    await rendered();
    const shown = await session.execute(
      `return [...document.querySelectorAll('ul[aria-label="Taulut"] [data-testid="board-title"]')]
         .map((e) => e.textContent);`,
    );
    const view = await coreView();
    assert.ok(shown.length > 0, 'the demo workshop has boards to show');
    assert.deepEqual(shown, liveBoardTitles(view), 'the list shows the core\'s boards, archived ones left out');
  });

  it('agrees with the paja CLI about the same file', async () => {
    await rendered();
    const info = coreInfo(workshop);
    const title = await session.text(await session.findElement('h1'));
    assert.equal(title, info.title, 'the window and the CLI read the same title from the file');
    const sessions = await session.execute(
      `return [...document.querySelectorAll('article.session h3')].map((h) => h.firstChild.textContent);`,
    );
    // The page orders sessions by their `order` field; the CLI lists them as stored.
    assert.deepEqual([...sessions].sort(), [...info.sessions].sort(), 'the window lists the sessions the CLI reports');
  });

  /** Runs one domain command through the window's own IPC, as the UI's backend does. */
  async function execute(command) {
    const json = await session.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke('execute', { command: arguments[0] })
         .then((o) => done(JSON.stringify(o)), (e) => done('error: ' + JSON.stringify(e)));`,
      [command],
    );
    assert.ok(!json.startsWith('error: '), `execute failed: ${json}`);
    return JSON.parse(json);
  }

  /** What the .paja file holds now, through the CLI's JSON export. */
  function stored() {
    const out = join(work, `export-${Date.now()}.json`);
    const run = spawnSync(cliBin, ['export', 'json', workshop, '-o', out], { encoding: 'utf8', timeout: 30000 });
    assert.equal(run.status, 0, `paja export failed: ${run.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  }

  it('creates a persona, a service path card, a causal link and an idea card that the file then holds', async () => {
    await rendered();
    const view = await coreView();
    const board = (kind) => view.boards.find((b) => b.kind === kind && !b.archived);
    // Persona and service path card through the editors, as a person would.
    await session.click(await session.findElement(`button[aria-label="Avaa: ${board('persona').title}"]`));
    await session.click(await session.findElement('[data-testid="persona-add"]'));
    await session.waitFor(`return document.activeElement?.dataset.testid === 'persona-name';`, { what: 'the name field' });
    await session.execute(`document.activeElement.select();`);
    await session.sendKeys(await session.findElement('[data-testid="persona-name"]'), 'Ikkunan Åke');
    await session.click(await session.findElement('[data-testid="persona-life_situation"]'));
    await session.execute(`window.location.hash = '#/board/' + arguments[0];`, [board('service_path').id]);
    await session.waitFor(`return document.querySelector('[data-testid="add-card"]');`, { what: 'the service path grid' });
    await session.click(await session.findElement('[data-testid="add-card"]'));
    await session.waitFor(`return document.activeElement?.tagName === 'TEXTAREA';`, { what: 'the new card' });
    await session.sendKeys(await session.findElement('textarea:focus'), 'Ikkunan kortti');
    await session.click(await session.findElement('[data-testid="board-title-heading"]'));
    // The causal map and idea wall editors are built separately: their items go
    // through the same backend the UI uses, inside the window.
    const causal = board('causal_map');
    const [from, to] = causal.nodes;
    await execute({ cmd: 'add_item', board: causal.id, item: { type: 'CausalLink', from: to.id, to: from.id, polarity: 'strengthens', note: 'Ikkunan linkki' } });
    await execute({ cmd: 'add_item', board: board('idea_wall').id, item: { type: 'Idea', name: 'Ikkunan idea', who: 'Me', what: 'Kokeillaan', benefit: 'Hyötyä' } });
    await session.waitFor(
      `return [...document.querySelectorAll('textarea')].some((t) => t.value === 'Ikkunan kortti');`,
      { what: 'the card in the grid' },
    );
    const file = stored();
    const of = (kind) => file.boards.find((b) => b.kind === kind && !b.archived);
    assert.ok(of('persona').personas.some((p) => p.name === 'Ikkunan Åke'), 'the persona typed in the window is in the file');
    assert.ok(of('service_path').cards.some((c) => c.text === 'Ikkunan kortti'), 'the card typed in the window is in the file');
    assert.ok(of('causal_map').links.some((l) => l.note === 'Ikkunan linkki'), 'the causal link is in the file');
    assert.ok(of('idea_wall').ideas.some((i) => i.name === 'Ikkunan idea'), 'the idea card is in the file');
    await session.execute(`window.location.hash = '#/';`);
  });

  it('speaks Finnish by default', async () => {
    await rendered();
    assert.equal(await session.execute('return document.documentElement.lang;'), 'fi');
    assert.equal(await session.execute('return document.title.endsWith("Paja");'), true);
  });
});
