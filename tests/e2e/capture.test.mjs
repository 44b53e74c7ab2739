// Must show — Capture. A TCP relay in the middle records every byte between a real
// Chromium participant and a hub serving TLS to its app peers, through a whole session:
// the join with a typed code, silent writing, the reveal, hidden voting and the
// evaluation. A desktop participant goes through a second recording relay over TLS.
// No card text, name, code, token or key appears in either recording; the same search
// finds each of them in the hub's file or in a plaintext request through the same relay.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, demoWorkshop, eventually, exportJson, openBrowser, serveWorkshop, stopAll, tempDir, track } from './harness.mjs';
import { ScriptedCore } from './script.mjs';

/** A relay on a free port to `port` that keeps every byte both ways, and closes both
 * sides when either closes. */
async function recordingRelay(port) {
  const chunks = [];
  const sockets = new Set();
  const server = createServer((inside) => {
    const outside = createConnection({ host: '127.0.0.1', port });
    for (const [from, to] of [[inside, outside], [outside, inside]]) {
      sockets.add(from);
      from.on('data', (chunk) => {
        chunks.push(Buffer.from(chunk));
        to.write(chunk);
      });
      const end = () => {
        inside.destroy();
        outside.destroy();
      };
      from.on('close', end);
      from.on('error', end);
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const relay = {
    port: server.address().port,
    recorded: () => Buffer.concat(chunks),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
  track(relay);
  return relay;
}

/** Which of `secrets` occur in `bytes`, as UTF-8 or as JSON escapes them. */
function found(bytes, secrets) {
  const forms = (s) => [s, JSON.stringify(s).slice(1, -1)].map((f) => Buffer.from(f, 'utf8'));
  return secrets.filter((s) => forms(s).some((f) => bytes.includes(f)));
}

const stored = (hub) => exportJson(hub.file);
const boardIn = (doc, id) => doc.boards.find((b) => b.id === id);

const s = {};

describe('capture: every byte a browser and the hub exchange in a whole session', { timeout: 600000 }, () => {
  before(async () => {
    s.hub = await serveWorkshop(demoWorkshop(), { tls: true });
    assert.ok(s.hub.lines.fingerprint, 'the hub serves its app peers over TLS');
    const port = Number(new URL(s.hub.root).port);
    s.browserRelay = await recordingRelay(port);
    s.desktopRelay = await recordingRelay(port);
    const dir = tempDir();
    const tls = ['--fingerprint', s.hub.lines.fingerprint];
    s.facilitator = await new ScriptedCore(`127.0.0.1:${port}`, join(dir, 'ohjaaja.paja'), [...tls, '--token', s.hub.lines['facilitator-token'], '--name', 'Ohjaaja Oona']).connected();
    s.aino = await new ScriptedCore(`127.0.0.1:${s.desktopRelay.port}`, join(dir, 'aino.paja'), [...tls, '--code', s.hub.code, '--name', 'Aino Ahonen']).connected();
    const demo = stored(s.hub);
    s.form = demo.boards.find((b) => b.kind === 'evaluation');
    s.wall = (await s.facilitator.execute({ cmd: 'create_board', kind: 'idea_wall', title: 'Ideat tänään', session_id: demo.boards[0].session_id, starter: false })).id;
    ({ page: s.page } = await openBrowser());
  });
  after(stopAll);

  it('a browser joins through the relay with the typed code', async () => {
    const { page } = s;
    await page.goto(`http://127.0.0.1:${s.browserRelay.port}/`);
    await page.getByTestId('join-code').fill(s.hub.code);
    await page.getByTestId('join-name').fill('Selma Öhman');
    await page.getByTestId('join-button').click();
    await page.getByTestId('workshop-title').waitFor();
    await eventually(() => stored(s.hub).control.people.some((p) => p.name === 'Selma Öhman'), 'the browser is on the roster');
    s.token = await page.evaluate((code) => sessionStorage.getItem(`paja.token.${code}`), s.hub.code);
    assert.match(s.token ?? '', /^[0-9a-f]{32}$/, 'the browser was welcomed with its own token');
  });

  it('silent writing and the reveal', async () => {
    const { page } = s;
    await s.facilitator.execute({ cmd: 'start_silent', board: s.wall, anonymous: true });
    await page.getByTestId('silent-panel').waitFor();
    const drafts = ['Salainen toive ruokajonosta', 'Pelkään kertoa sosiaalityöntekijälle'];
    for (const [i, text] of drafts.entries()) {
      await page.getByTestId('draft-text').fill(text);
      await page.getByRole('button', { name: 'Lisää kortti' }).click();
      await page.getByTestId('my-drafts').getByRole('listitem').nth(i).waitFor();
    }
    await s.aino.sees((c) => c.silent?.board === s.wall, 'the silent round');
    await s.aino.execute({ cmd: 'write_draft', board: s.wall, text: 'Ainon oma huoli velasta' });
    await s.facilitator.execute({ cmd: 'reveal_silent' });
    await page.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.wall);
    // The browser has heard the reveal: every card is on its screen.
    for (const text of ['Salainen toive ruokajonosta', 'Pelkään kertoa sosiaalityöntekijälle', 'Ainon oma huoli velasta']) {
      await page.getByTestId('idea-card').filter({ hasText: text }).first().waitFor({ state: 'attached', timeout: 30000 });
    }
  });

  it('hidden voting and its reveal', async () => {
    const { page } = s;
    await s.facilitator.execute({ cmd: 'start_voting', board: s.wall, budget: 2, hidden: true });
    await page.getByTestId('votes-left').waitFor();
    const idea = boardIn(stored(s.hub), s.wall).ideas.find((i) => i.name === 'Ainon oma huoli velasta');
    await page.locator(`[data-idea-id="${idea.id}"]`).getByRole('button', { name: /Anna ääni/ }).click();
    await page.getByTestId('votes-left').filter({ hasText: '1 / 2' }).waitFor();
    await s.facilitator.execute({ cmd: 'reveal_votes' });
    await page.getByTestId('ranking').waitFor();
    await s.facilitator.execute({ cmd: 'end_voting' });
  });

  it('the evaluation', async () => {
    const { page } = s;
    await s.facilitator.execute({ cmd: 'open_evaluation', board: s.form.id });
    const panel = page.getByTestId('evaluation-panel');
    await panel.waitFor();
    await panel.getByRole('radio', { name: 'Asiakas' }).check();
    await panel.getByTestId('likert').first().getByRole('radio', { name: /^4/ }).check();
    await panel.getByRole('button', { name: 'Lähetä vastaukset' }).click();
    await panel.getByRole('status').filter({ hasText: 'Kiitos' }).waitFor();
    await s.facilitator.execute({ cmd: 'close_evaluation' });
    await page.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.form.id);
    await page.getByTestId('results').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe-core finds nothing on the results');
    assert.deepEqual(page.errors, [], 'the page threw no errors');
  });

  it('no card text, name, code, token or key is in the capture; the same search finds each in plaintext', async () => {
    await s.page.context().close();
    const written = [
      'Salainen toive ruokajonosta',
      'Pelkään kertoa sosiaalityöntekijälle',
      'Ainon oma huoli velasta',
      'Ideat tänään',
      'Selma Öhman',
      'Aino Ahonen',
      'Ohjaaja Oona',
    ];
    const keys = [
      s.hub.code,
      s.token,
      s.hub.lines['facilitator-token'],
      new URLSearchParams(s.hub.join.split('#')[1]).get('key'),
      new URLSearchParams(s.hub.page.split('#')[1]).get('lead'),
    ];
    const secrets = [...written, ...keys];
    const browser = s.browserRelay.recorded();
    const desktop = s.desktopRelay.recorded();
    assert.ok(browser.length > 100000, `the browser's capture holds the page and the whole session (${browser.length} bytes)`);
    assert.deepEqual(found(browser, secrets), [], 'nothing secret in the browser’s capture');
    assert.deepEqual(found(desktop, secrets), [], 'nothing secret in the desktop participant’s TLS capture');

    // Positive controls: every text and name is in the hub's file, and the code, the
    // tokens and the keys, sent in plaintext through the same relay, are found there.
    const file = Buffer.from(JSON.stringify(stored(s.hub)), 'utf8');
    const before = s.browserRelay.recorded().length;
    const query = keys.map((value, i) => `s${i}=${value}`).join('&');
    await new Promise((done) => request(`http://127.0.0.1:${s.browserRelay.port}/join?${query}`, (res) => res.resume().on('end', done)).end());
    const plain = s.browserRelay.recorded().subarray(before);
    const control = found(file, written).length + found(plain, keys).length;
    assert.equal(control, secrets.length, 'the same search finds every one of them in plaintext');
    console.log(`capture: ${browser.length} bytes from the browser, ${desktop.length} from the desktop; ${secrets.length} strings searched; 0 hits; control hits ${control}`);
  });
});
