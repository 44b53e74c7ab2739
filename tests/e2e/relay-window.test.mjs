// The relay in the real desktop window, against a real regional server (Hocuspocus from
// relay/server.mjs): a facilitator shares a workshop and turns the relay on in the host
// dialog's "Alueen palvelin", and the session bar says it is connected; a second window,
// on another machine, opens the workshop from the server with "Avaa palvelimelta" and
// sees the cards, marked "Vain luku", with every edit control disabled or refused.
//
// Run by `make test-e2e`; the same environment variables apply as for window.test.mjs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, buttonByText, freshMachine, saveScreenshot } from './desktop.mjs';
import { startRegion } from './region.mjs';

const WRITER = 'kirjoittajan-tunnus';
const READER = 'lukijan-tunnus';

describe('the relay to the region\'s server, in two desktop windows', { timeout: 300000 }, () => {
  let dir;
  let region;
  let host;
  let reader;
  let facilitator;
  let staff;
  let board;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paja-region-'));
    region = await startRegion(dir, {
      [WRITER]: { documents: ['ryhma-1'], access: 'write' },
      [READER]: { documents: ['*'], access: 'read' },
    });
    // Each window trusts the region's CA as the system's own certificates.
    host = await freshMachine('paja-relay-host-', { SSL_CERT_FILE: region.ca });
    reader = await freshMachine('paja-relay-reader-', { SSL_CERT_FILE: region.ca });
  });

  after(async () => {
    try {
      // Closing a machine stops every process the test started, the other's driver too:
      // the reading window is quit first.
      if (reader?.session) await reader.session.quit();
      if (reader) reader.session = null;
      await host?.close();
      await reader?.close();
    } finally {
      region?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Runs one of the window's own IPC commands; resolves with its answer or `{ error }`. */
  async function invoke(session, command, args = {}) {
    const json = await session.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
         .then((v) => done(JSON.stringify({ ok: v ?? null })), (e) => done(JSON.stringify({ error: e })));`,
      [command, args],
    );
    return JSON.parse(json);
  }

  async function execute(session, command) {
    const answer = await invoke(session, 'execute', { command });
    assert.ok(!answer.error, `execute failed: ${JSON.stringify(answer.error)}`);
    return answer.ok;
  }

  function waitText(session, css, text, what) {
    return session.waitFor(`return document.querySelector(${JSON.stringify(css)})?.textContent.includes(${JSON.stringify(text)});`, { what });
  }

  /** Types into the field `testId` of the open dialog. */
  async function type(session, testId, text) {
    await session.sendKeys(await session.findElement(`[data-testid="${testId}"]`), text);
  }

  it('the facilitator turns the relay on in the host dialog, and the session bar says it is connected', async () => {
    facilitator = await host.open();
    await newWorkshop(facilitator, 'Alueen työpaja');
    board = (await execute(facilitator, { cmd: 'create_board', kind: 'free', title: 'Ideat', session_id: null, starter: false })).id;
    await execute(facilitator, { cmd: 'add_item', board, item: { type: 'FreeCard', text: 'Kotikäynnit iltaisin', color: 'yellow' } });

    await facilitator.click(await facilitator.findElement('[data-testid="host-session"]'));
    await facilitator.waitFor(`return document.querySelector('[data-testid="relay-section"]');`, { what: 'the Alueen palvelin section' });
    assert.equal(await facilitator.execute(`return document.querySelector('[data-testid="relay-state"]').textContent;`), 'Ei yhdistetty palvelimeen.');
    await type(facilitator, 'relay-address', region.url);
    await type(facilitator, 'relay-workshop', 'ryhma-1');
    // Enter in the token field sends the form: the whole section works by keyboard.
    await type(facilitator, 'relay-token', 'väärä-tunnus\uE007');
    await facilitator.waitFor(`return document.querySelector('[data-testid="relay-state"]')?.dataset.relay === 'refused';`, {
      what: 'a wrong token refused, in the dialog',
    });
    assert.equal(await facilitator.execute(`return document.querySelector('[data-testid="relay-state"]').textContent;`), 'Alueen palvelin ei hyväksy tunnusta.', 'one sentence says why');
    assert.equal(await facilitator.execute(`return document.querySelector('[data-testid="relay-refusal"]')?.textContent;`), 'Alueen palvelin ei hyväksy tunnusta.', 'and the session bar says it too');
    await facilitator.execute(`document.querySelector('[data-testid="relay-token"]').select();`);
    await type(facilitator, 'relay-token', `${WRITER}\uE007`);
    await facilitator.waitFor(`return document.querySelector('[data-testid="relay-state"]')?.dataset.relay === 'connected';`, {
      what: 'the relay connected, in the dialog',
    });
    assert.match(await facilitator.execute(`return document.querySelector('[data-testid="relay-state"]').textContent;`), /^Yhdistetty palvelimeen wss:\/\/localhost:\d+\. Työpajan nimi siellä: ryhma-1\.$/);
    assert.deepEqual(await axeViolations(facilitator), [], 'axe finds nothing in the host dialog with its relay section');
    await facilitator.execute(`document.querySelector('[data-testid="relay-section"]').scrollIntoView();`);
    await saveScreenshot(facilitator, 'relay-host-dialog');
    await facilitator.sendKeys(await facilitator.findElement('[role="dialog"] :focus'), '\uE00C');
    await waitText(facilitator, '[data-testid="relay-status"]', 'Alueen palvelin: yhdistetty', 'yhdistetty on the session bar');
    assert.deepEqual(await axeViolations(facilitator), [], 'axe finds nothing with the relay state on the session bar');
  });

  it('a second window opens the workshop from the server read-only and sees the card, and nothing there writes', async () => {
    staff = await reader.open();
    await staff.waitFor(`return document.querySelector('[data-testid="open-from-server"]');`, { what: 'the start screen' });
    await staff.click(await staff.findElement('[data-testid="open-from-server"]'));
    await staff.waitFor(`return document.activeElement?.closest('[data-testid="server-open-dialog"]') !== null;`, { what: 'focus in the Avaa palvelimelta dialog' });
    await type(staff, 'server-address', region.url);
    await type(staff, 'server-workshop', 'ryhma-1');
    await type(staff, 'server-token', 'väärä-tunnus\uE007');
    const said = await staff.waitFor(`return document.querySelector('[data-testid="server-open-dialog"] [role="alert"]')?.textContent;`, { what: 'a wrong token refused' });
    assert.equal(said, 'Alueen palvelin ei hyväksy tunnusta.', 'a wrong token is refused in one sentence, and nothing opens');
    await staff.execute(`document.querySelector('[data-testid="server-token"]').select();`);
    await type(staff, 'server-token', READER);
    assert.deepEqual(await axeViolations(staff), [], 'axe finds nothing in the Avaa palvelimelta dialog, its refusal shown');
    await staff.sendKeys(await staff.findElement('[data-testid="server-token"]'), '\uE007');
    await staff.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent === 'Alueen työpaja';`, { what: 'the workshop from the server' });
    await waitText(staff, '[data-testid="read-only-mark"]', 'Vain luku', 'the Vain luku mark');
    await waitText(staff, '[data-testid="relay-status"]', 'Alueen palvelin: yhdistetty', 'the reader following the server');
    assert.equal(await staff.execute(`return document.querySelector('[data-testid="host-session"], [data-testid="join-session"]');`), null, 'a copy offers no sharing or joining');
    assert.deepEqual(await axeViolations(staff), [], 'axe finds nothing on the workshop read from the server');

    await staff.click(await staff.findElement('button[aria-label="Avaa: Ideat"]'));
    const shows = (text) => `return [...document.querySelectorAll('textarea')].some((t) => t.value === ${JSON.stringify(text)}) || document.body.textContent.includes(${JSON.stringify(text)});`;
    await staff.waitFor(shows('Kotikäynnit iltaisin'), { what: 'the room\'s card in the window reading from the server' });
    assert.equal(await staff.execute(`return document.querySelector('fieldset.board-lock').disabled;`), true, 'every edit control on the board is disabled');
    assert.deepEqual(await axeViolations(staff), [], 'axe finds nothing on the board read from the server');
    await saveScreenshot(staff, 'relay-reading');

    await execute(facilitator, { cmd: 'add_item', board, item: { type: 'FreeCard', text: 'Uusi kortti huoneesta', color: 'yellow' } });
    await staff.waitFor(shows('Uusi kortti huoneesta'), { what: 'the room\'s next card, with no action' });

    const refused = await invoke(staff, 'execute', { command: { cmd: 'add_item', board, item: { type: 'FreeCard', text: 'Lukijan kortti', color: 'yellow' } } });
    assert.equal(refused.error?.code, 'read_only_copy', `a command in the copy is refused: ${JSON.stringify(refused)}`);
    await staff.click(await staff.findElement('[data-testid="workshops"]'));
    await waitText(staff, '[data-testid="start-screen"]', 'Vain luku', 'the copy marked on the start screen');
    assert.equal(await staff.execute(`return document.querySelector('[data-testid="save-as"]');`), null, 'a copy has no own file to save under another name');
    assert.equal(await staff.execute(`return document.querySelectorAll('[data-testid="recent-workshop"]').length;`), 0, 'nor is it a recent file');

    // Katkaise: the relay stops, the room goes on, and the reader says it has no connection.
    await facilitator.click(await facilitator.findElement('[data-testid="show-code"]'));
    await facilitator.click(await facilitator.findElement('[data-testid="relay-disconnect"]'));
    await waitText(facilitator, '[data-testid="relay-state"]', 'Ei yhdistetty palvelimeen.', 'the relay off, in the dialog');
    await facilitator.waitFor(`return document.activeElement?.dataset.testid === 'relay-connect';`, { what: 'focus staying in the section, on Yhdistä' });
    assert.equal(await facilitator.execute(`return document.querySelector('[data-testid="relay-status"]');`), null, 'no relay state on the session bar');
  });
});

/** Makes an empty workshop from the start screen's form, as a person would, and waits for it. */
async function newWorkshop(s, title) {
  await s.waitFor(`return document.querySelector('[data-testid="new-workshop-title"]');`, { what: 'the start screen' });
  await s.sendKeys(await s.findElement('[data-testid="new-workshop-title"]'), title);
  await s.click(await s.findElement('[data-testid="new-workshop"] input[value="empty"]'));
  await s.click(await buttonByText(s, 'Luo työpaja'));
  await s.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent === ${JSON.stringify(title)};`, { what: `the new workshop ${title}` });
}
