// The real desktop window: the built paja-desktop binary, driven through
// tauri-driver and WebKitWebDriver on a virtual X display.
//
// Run by `make test` (which builds the UI, the binary and the paja CLI first).
// PAJA_DESKTOP_BIN, PAJA_CLI_BIN and TAURI_DRIVER override where things are;
// PAJA_E2E_SCREENSHOT says where to save a picture of the window.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations as axeIn, buttonByText, cliBin, desktopBin, exportThroughDialog as exportAs, pdfText as checkPdf, requireBinaries, tauriDriver } from './desktop.mjs';
import { freePort, startTauriDriver, startXvfb, stopAll } from './processes.mjs';
import { WebDriver } from './webdriver.mjs';

const screenshotPath = process.env.PAJA_E2E_SCREENSHOT ?? join(tmpdir(), 'paja-window.png');

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

/**
 * A participant's laptop: `paja join ADDR FILE --script`, which answers each JSON
 * command on stdin with one JSON line. Stopped at the end of the test.
 */
function startJoiner({ address, code, fingerprint, name, file }) {
  const child = spawn(cliBin, ['join', address, file, '--code', code, '--fingerprint', fingerprint, '--name', name, '--script'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const answers = [];
  const waiting = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(JSON.parse(line));
    else answers.push(JSON.parse(line));
  });
  return {
    /** Sends one script command and resolves with its `ok` value. */
    async run(command) {
      child.stdin.write(`${JSON.stringify(command)}\n`);
      const answer = answers.shift() ?? (await new Promise((resolve) => waiting.push(resolve)));
      assert.ok(!('error' in answer), `paja join refused ${JSON.stringify(command)}: ${answer.error}\n${stderr}`);
      return answer.ok;
    },
    stop() {
      child.stdin.end();
      child.kill('SIGTERM');
    },
  };
}

/** `paja serve FILE` on a free loopback port; resolves with its join link once it prints it. */
async function startHub(file) {
  const made = spawnSync(cliBin, ['new', file, '--template', 'empty', '--title', 'Yhteinen työpaja'], { encoding: 'utf8' });
  assert.equal(made.status, 0, `paja new failed: ${made.stderr}`);
  const port = await freePort();
  const child = spawn(cliBin, ['serve', file, '--bind', '127.0.0.1', '--port', String(port), '--no-mdns'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const link = await new Promise((resolve, reject) => {
    child.once('exit', (status) => reject(new Error(`paja serve exited with ${status}`)));
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('join ') && resolve(line.slice(5)));
  });
  return { link, stop: () => child.kill('SIGTERM') };
}

/** Splits `paja://host:port?code=C&fp=HEX` into what `paja join` takes. */
function readJoinLink(link) {
  const url = new URL(link.replace(/^paja:/, 'http:'));
  return { address: url.host, code: url.searchParams.get('code'), fingerprint: url.searchParams.get('fp') };
}

describe('desktop window', { timeout: 180000 }, () => {
  let work;
  let documents;
  let workshop;
  let driver;
  let session;

  before(async () => {
    requireBinaries();
    work = mkdtempSync(join(tmpdir(), 'paja-e2e-'));
    // The window's WebKit writes caches under the XDG dirs; keep them out of the user's home.
    const xdg = {};
    for (const name of ['DATA', 'CONFIG', 'CACHE']) {
      xdg[`XDG_${name}_HOME`] = join(work, name.toLowerCase());
      mkdirSync(xdg[`XDG_${name}_HOME`]);
    }
    // `make run` starts the window on the demo, written to the user's data folder.
    workshop = join(xdg.XDG_DATA_HOME, 'paja', 'demo.paja');
    // Exports go to the documents folder's Paja/: here, the test's own folder.
    documents = join(work, 'documents');
    writeFileSync(join(xdg.XDG_CONFIG_HOME, 'user-dirs.dirs'), `XDG_DOCUMENTS_DIR="${documents}"\n`);
    const display = await startXvfb();
    driver = await startTauriDriver({ binary: tauriDriver, display, env: xdg });
    session = await WebDriver.startSession(driver.base, {
      'tauri:options': { application: desktopBin, args: ['--demo'] },
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

  it('writes the demo workshop into the user\'s data folder when started with --demo', async () => {
    await rendered();
    assert.ok(existsSync(workshop), '--demo writes the demo workshop the first time');
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

  /** The element `script` returns, as an id for clicks and keys. */
  async function elementBy(script) {
    return Object.values(await session.execute(script))[0];
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
    // A causal link: select the central problem and ask why; the why-card is linked to it as its cause.
    const causal = board('causal_map');
    await session.execute(`window.location.hash = '#/board/' + arguments[0];`, [causal.id]);
    await session.waitFor(`return document.querySelector('[data-node-id="${causal.central_problem}"]');`, { what: 'the central problem on the map' });
    await session.click(await session.findElement(`[data-node-id="${causal.central_problem}"]`));
    await session.waitFor(`return !document.querySelector('[data-testid="ask-why"]').disabled;`, { what: 'a selected card' });
    await session.click(await session.findElement('[data-testid="ask-why"]'));
    await session.waitFor(`return document.activeElement?.getAttribute('aria-label') === 'Kortin teksti';`, { what: 'the why-card' });
    await session.sendKeys(await session.findElement('[aria-label="Kortin teksti"]:focus'), 'Ikkunan syy');
    await session.click(await session.findElement('[data-testid="board-title-heading"]'));
    // An idea card: add one and give it a name.
    await session.execute(`window.location.hash = '#/board/' + arguments[0];`, [board('idea_wall').id]);
    await session.waitFor(`return document.querySelector('[data-testid="idea-card"]');`, { what: 'the idea wall' });
    await session.click(await elementBy(`return [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Uusi idea');`));
    const unnamed = `return [...document.querySelectorAll('[data-testid="idea-card"] input[aria-label="Idean nimi?"]')].find((i) => i.value === '');`;
    await session.waitFor(unnamed, { what: 'the new idea card' });
    await session.sendKeys(await elementBy(unnamed), 'Ikkunan idea');
    await session.click(await session.findElement('[data-testid="board-title-heading"]'));
    let file = stored();
    for (let tries = 0; tries < 40 && !file.boards.some((b) => b.ideas?.some((i) => i.name === 'Ikkunan idea')); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      file = stored();
    }
    const of = (kind) => file.boards.find((b) => b.kind === kind && !b.archived);
    assert.ok(of('persona').personas.some((p) => p.name === 'Ikkunan Åke'), 'the persona typed in the window is in the file');
    assert.ok(of('service_path').cards.some((c) => c.text === 'Ikkunan kortti'), 'the card typed in the window is in the file');
    const map = of('causal_map');
    const cause = map.nodes.find((n) => n.text === 'Ikkunan syy');
    assert.ok(cause, 'the why-card typed in the window is in the file');
    assert.ok(map.links.some((l) => l.from === cause.id && l.to === causal.central_problem), 'linked as a cause of the central problem');
    assert.ok(of('idea_wall').ideas.some((i) => i.name === 'Ikkunan idea'), 'the idea card is in the file');
    await session.execute(`window.location.hash = '#/';`);
  });

  it('suggests groups on the idea wall and hints at plain language under a criterion, through the window\'s own core', async () => {
    await rendered();
    const view = await coreView();
    const board = (kind) => view.boards.find((b) => b.kind === kind && !b.archived);
    await session.execute(`window.location.hash = '#/board/' + arguments[0];`, [board('idea_wall').id]);
    await session.click(await session.findElement('[data-testid="suggest-groups"]'));
    const status = await session.waitFor(
      `const s = document.querySelector('[data-testid="suggestions-status"]')?.textContent;
       return s && s !== 'Etsitään…' ? s : null;`,
      { what: 'the suggestions' },
    );
    assert.ok(/ehdotus|Ei ehdotuksia/.test(status), `the window's core answered: ${status}`);
    assert.equal(await session.execute(`return document.querySelector('[data-testid="suggestions"] [role="alert"]');`), null, 'no error');

    await session.execute(`window.location.hash = '#/board/' + arguments[0];`, [board('quality_criteria').id]);
    const field = await session.findElement('textarea[aria-describedby^="plain-hints-"]');
    await session.click(field);
    await session.sendKeys(field, '\uE009a');
    await session.sendKeys(field, 'Hakemus käsitellään KELA:ssa.');
    const hints = await session.waitFor(
      `const id = document.activeElement?.getAttribute('aria-describedby');
       const text = id && document.getElementById(id)?.textContent;
       return text && text.includes('passiivi') ? text : null;`,
      { what: 'the plain-language hints' },
    );
    assert.match(hints, /lyhenne/, 'the abbreviation is hinted too');
    await session.click(await session.findElement('[data-testid="board-title-heading"]'));
    await session.execute(`window.location.hash = '#/';`);
  });

  /** Calls one of the window's own IPC commands and returns its answer. */
  async function invoke(command, args = {}) {
    const json = await session.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
         .then((v) => done(JSON.stringify(v)), (e) => done('error: ' + JSON.stringify(e)));`,
      [command, args],
    );
    assert.ok(!json.startsWith('error: '), `${command} failed: ${json}`);
    return JSON.parse(json);
  }

  it('shows where a model principle came from and closes a reflection round into a version, through the window\'s own core', async () => {
    await rendered();
    const model = (await coreView()).boards.find((b) => b.kind === 'operating_model');
    await session.execute(`window.location.hash = '#/board/' + arguments[0];`, [model.id]);
    await session.click(await session.findElement('[data-testid="operating-model"] [data-testid="trace-toggle"]'));
    const shown = await session.waitFor(
      `const p = document.querySelector('[data-testid="trace-panel"]')?.textContent;
       return p && p.includes('Persoona: Sanna') ? p : null;`,
      { what: 'the trace panel' },
    );
    assert.match(shown, /Käyttäjäpersoonat/, 'the source names its board');
    const traces = await invoke('traces');
    assert.ok(traces.some((t) => t.board_id === model.id && t.source.label.startsWith('Persoona: Sanna')), 'the window\'s core lists the links');

    await session.click(await buttonByText(session, 'Avaa kierros 3'));
    await session.click(await buttonByText(session, 'Sulje kierros'));
    let versions = [];
    for (let tries = 0; tries < 40 && !versions.some((v) => v.name.endsWith('kierros 3')); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      versions = await invoke('versions');
    }
    assert.ok(versions.some((v) => v.name === 'Toimintamalli: Rinnalla kulkien – kierros 3'), 'closing the round stored a named version in the file');
    const changes = await invoke('round_changes');
    assert.ok(changes.some((c) => c.board_id === model.id && c.number === 3), 'the closed round is compared with now');
    await session.execute(`window.location.hash = '#/';`);
  });

  const axeViolations = () => axeIn(session);

  /** The text of the first element matching `css`, once it exists. */
  function textOf(css) {
    return session.waitFor(`return document.querySelector(${JSON.stringify(css)})?.textContent;`, { what: css });
  }

  it('shares the workshop: a joined laptop is let in from the lobby, and its board and card appear with no action', async (t) => {
    await rendered();
    await session.click(await session.findElement('[data-testid="host-session"]'));
    const code = await textOf('[data-testid="join-code"]');
    assert.match(code, /^[A-Z2-9]{6}$/, 'the dialog shows the six-letter join code');
    const link = await textOf('[data-testid="join-link"]');
    assert.equal(
      await session.execute(`return document.activeElement?.closest('[role="dialog"]') !== null;`),
      true,
      'focus moves into the dialog',
    );
    assert.deepEqual(await axeViolations(), [], 'axe finds nothing in the Jaa työpaja dialog');

    const joined = readJoinLink(link);
    assert.equal(joined.code, code, 'the join link carries the code the dialog shows');
    const joiner = startJoiner({ ...joined, name: 'Åke Öhman', file: join(work, 'ake.paja') });
    try {
      await session.waitFor(`return document.querySelector('[data-testid="lobby"]')?.textContent.includes('Åke Öhman');`, {
        what: 'the joiner in the lobby',
      });
      await session.click(await session.findElement('button[aria-label="Päästä sisään: Åke Öhman"]'));
      for (;;) {
        const status = await joiner.run('status');
        if (status.status.state === 'connected') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(
        await session.execute(`return document.activeElement?.closest('[role="dialog"]') !== null;`),
        true,
        'letting someone in keeps focus in the dialog',
      );
      await session.sendKeys(await session.findElement('[role="dialog"] :focus'), '\uE00C');
      await session.waitFor(`return !document.querySelector('[role="dialog"]') && document.activeElement?.closest('.session-bar') !== null;`, {
        what: 'Escape closing the dialog and focus back in the session bar',
      });
      await session.waitFor(`return document.querySelector('[data-testid="presence"]')?.textContent.includes('Åke Öhman');`, {
        what: 'the presence list naming the joiner',
      });
      assert.match(await textOf('[data-testid="session-status"]'), /Yhdistetty · 2 paikalla/, 'the header says two are here');

      const board = await joiner.run({ create_board: { kind: 'free', title: 'Åken taulu' } });
      await session.waitFor(`return [...document.querySelectorAll('[data-testid="board-title"]')].some((e) => e.textContent === 'Åken taulu');`, {
        what: "the joiner's board in the window's list, with no action",
      });
      await session.click(await session.findElement('button[aria-label="Avaa: Åken taulu"]'));
      const sent = Date.now();
      await joiner.run({ add_free_card: { board, text: 'Liittyjän kortti' } });
      await session.waitFor(`return document.body.textContent.includes('Liittyjän kortti') || [...document.querySelectorAll('textarea')].some((t) => t.value === 'Liittyjän kortti');`, {
        what: "the joiner's card on the open board, with no action",
      });
      t.diagnostic(`the joiner's card was on screen ${Date.now() - sent} ms after it was added`);
      assert.deepEqual(await axeViolations(), [], 'axe finds nothing on the board with the session bar');
    } finally {
      joiner.stop();
    }
    await session.execute(`window.location.hash = '#/';`);
    await session.click(await session.findElement('[data-testid="stop-hosting"]'));
    await session.waitFor(`return document.querySelector('[data-testid="host-session"]');`, { what: 'sharing stopped' });
  });

  it('joins a shared workshop from the Liity työpajaan dialog with a pasted link, and leaves it again', async () => {
    await rendered();
    const ownTitle = await textOf('h1');
    const hub = await startHub(join(work, 'yhteinen.paja'));
    const other = startJoiner({ ...readJoinLink(hub.link), name: 'Mirja', file: join(work, 'mirja.paja') });
    try {
      await session.click(await session.findElement('[data-testid="join-session"]'));
      await session.waitFor(`return document.activeElement?.closest('[role="dialog"]') !== null;`, { what: 'focus in the join dialog' });
      await session.sendKeys(await session.findElement('[data-testid="join-link-input"]'), hub.link);
      const code = await session.execute(`return document.querySelector('[data-testid="join-code-input"]').value;`);
      assert.equal(code, readJoinLink(hub.link).code, 'pasting the link fills in the join code');
      await session.execute(`document.querySelector('[data-testid="join-name-input"]').select();`);
      await session.sendKeys(await session.findElement('[data-testid="join-name-input"]'), 'Ikkunan Åsa');
      assert.deepEqual(await axeViolations(), [], 'axe finds nothing in the Liity työpajaan dialog');
      await session.click(await session.findElement('[data-testid="join-dialog"] button[type="submit"]'));
      await session.waitFor(`return document.querySelector('h1')?.textContent === 'Yhteinen työpaja';`, { what: 'the shared workshop in the window' });
      await session.waitFor(`return document.querySelector('[data-testid="presence"]')?.textContent.includes('Mirja');`, {
        what: 'the other participant in the presence list',
      });
      assert.match(await textOf('[data-testid="session-status"]'), /Yhdistetty · 2 paikalla/, 'the header says two are here');

      const board = await other.run({ create_board: { kind: 'free', title: 'Mirjan taulu' } });
      await session.waitFor(`return [...document.querySelectorAll('[data-testid="board-title"]')].some((e) => e.textContent === 'Mirjan taulu');`, {
        what: "the other participant's board, with no action",
      });
      await execute({ cmd: 'add_item', board, item: { type: 'FreeCard', text: 'Ikkunasta jaettu', color: 'yellow' } });
      for (;;) {
        const view = await other.run('view');
        if (JSON.stringify(view).includes('Ikkunasta jaettu')) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      await session.click(await session.findElement('[data-testid="leave-session"]'));
      await session.waitFor(`return document.querySelector('h1')?.textContent === ${JSON.stringify(ownTitle)};`, { what: 'the own workshop again' });
    } finally {
      other.stop();
      hub.stop();
    }
  });

  /** Clicks the button whose text is `label`, inside `scope` (a CSS selector). */
  async function clickButton(scope, label) {
    await session.click(await buttonByText(session, label, scope));
  }

  /** Exports through the open Vie dialog, to a free name in the documents folder's Paja/. */
  async function exportThroughDialog(ending) {
    const path = await exportAs(session, ending);
    assert.ok(path.startsWith(join(documents, 'Paja')), `the default place is the documents folder's Paja/: ${path}`);
    return path;
  }

  it('exports the report and the poster through the Vie dialog, then compares a version with a later change', async () => {
    await rendered();
    const view = await coreView();
    await session.click(await session.findElement('[data-testid="export-open"]'));
    await session.waitFor(`return document.activeElement?.closest('[data-testid="export-dialog"]') !== null;`, { what: 'focus in the Vie dialog' });
    assert.deepEqual(await axeViolations(), [], 'axe finds nothing in the Vie dialog');
    const names = await session.execute(`return [...document.querySelectorAll('[data-testid="export-dialog"] input[type="checkbox"]')].map((c) => c.checked);`);
    assert.deepEqual(names, [false, false], 'names and organisation are off unless the person turns them on');

    const report = await exportThroughDialog('.pdf');
    assert.ok(checkPdf(report).includes(view.meta.title), 'the report has the workshop title');
    await session.click(await session.findElement('[data-testid="export-dialog"] input[value="poster"]'));
    const poster = await exportThroughDialog('juliste.pdf');
    assert.ok(checkPdf(poster).length > 0, 'the poster has text');
    await session.sendKeys(await session.findElement('[data-testid="export-dialog"] input[value="poster"]'), '\uE00C');

    await session.click(await session.findElement('[data-testid="versions-open"]'));
    await session.sendKeys(await session.findElement('[data-testid="version-name"]'), 'Malliluonnos 0.1');
    await clickButton('[data-testid="versions-dialog"]', 'Tallenna versio');
    await session.waitFor(`return document.querySelector('[data-testid="versions-list"]')?.textContent.includes('Malliluonnos 0.1');`, { what: 'the new version in the list' });
    await session.sendKeys(await session.findElement('[data-testid="version-name"]'), '\uE00C');

    await execute({ cmd: 'create_board', kind: 'free', title: 'Versioinnin jälkeen', session_id: null, starter: false });
    await session.click(await session.findElement('[data-testid="versions-open"]'));
    await session.click(await session.findElement('[data-testid="compare-show"]'));
    const listed = await session.waitFor(`return document.querySelector('[data-testid="diff"]')?.textContent;`, { what: 'the comparison' });
    assert.ok(listed.includes('Versioinnin jälkeen'), `the board added after the version is listed: ${listed}`);
    assert.deepEqual(await axeViolations(), [], 'axe finds nothing in the comparison');

    await clickButton('[data-testid="compare"]', 'Vie vertailu raporttiin');
    const changes = checkPdf(await exportThroughDialog('.pdf'));
    assert.ok(changes.includes('Muutokset') && changes.includes('Versioinnin jälkeen'), 'the report has the comparison as a page');
  });

  it('speaks Finnish by default', async () => {
    await rendered();
    assert.equal(await session.execute('return document.documentElement.lang;'), 'fi');
    assert.equal(await session.execute('return document.title.endsWith("Paja");'), true);
  });
});
