// Planning, comments and observers in Debian's Chromium against a real `paja serve`:
// the facilitator plans a session in the browser (with undo), a browser participant
// comments on an item and the facilitator sees and resolves it, and a browser that
// joins as an observer follows a live edit, finds nothing to write with, and has a
// write it forces through /rpc refused. The hub's file is read back after each step.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, demoWorkshop, eventually, exportJson, openBrowser, rawCall, screenshot, serveWorkshop, stopAll, tempDir } from './harness.mjs';
import { ScriptedCore } from './script.mjs';

const s = {};
const stored = () => exportJson(s.hub.file);
const byOrder = (a, b) => a.order - b.order;
const firstSession = (doc) => [...doc.sessions].sort(byOrder)[0];
const stepsOf = (session) => [...session.steps].sort(byOrder);

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core finds nothing: ${where}`);
}

/** A browser that comes by the room's join link, gives a name and maybe only follows. */
async function joinInBrowser(name, { observer = false } = {}) {
  const { page } = await openBrowser();
  await page.goto(s.hub.join);
  await page.getByTestId('join-name').fill(name);
  if (observer) await page.getByLabel('Haluan vain seurata').check();
  await page.getByTestId('join-button').click();
  await page.getByTestId('workshop-title').waitFor();
  return page;
}

/** Fields and buttons that would change the workshop, as the page has them now (enabled only). */
function writingControls(page) {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll('main input, main textarea, main select, aside input, aside textarea, aside select, [contenteditable="true"]')]
      .filter((el) => !el.matches(':disabled') && el.type !== 'search')
      .map((el) => el.outerHTML.slice(0, 80));
    const words = /Lisää|Poista|Nimeä uudelleen|Arkistoi|Vastaa|ratkaistuksi|Tee taulu|Peru|Liitä|Lähetä/;
    const buttons = [...document.querySelectorAll('button')]
      .filter((b) => !b.disabled && words.test(b.textContent ?? ''))
      .map((b) => b.textContent);
    return [...fields, ...buttons];
  });
}

describe('planning, comments and observers in the browser', { timeout: 600000 }, () => {
  before(async () => {
    s.hub = await serveWorkshop(demoWorkshop());
    s.facilitator = await new ScriptedCore(s.hub.url, join(tempDir(), 'ohjaaja.paja'), ['--token', s.hub.lines['facilitator-token'], '--name', 'Ohjaaja']).connected();
    await s.facilitator.execute({ cmd: 'allow_browsers', on: true });
    s.free = stored().boards.find((b) => b.kind === 'free' && !b.archived);
  });
  after(async () => {
    if (process.env.PAJA_E2E_LOG) console.log(s.hub?.log());
    await stopAll();
  });

  it('the facilitator renames a session, writes a support question, links a board, tags the level of participation, moves a step and undoes the move', async () => {
    const { page } = await openBrowser(s.hub.page);
    s.lead = page;
    const session = page.getByTestId('session-editor').first();
    await session.getByTestId('session-summary').click();
    await session.getByTestId('session-title').fill('Alkuvalmennus ja tutustuminen');
    await session.getByTestId('session-title').press('Tab');
    await eventually(() => firstSession(stored()).title === 'Alkuvalmennus ja tutustuminen', 'the new session name is in the file');

    const step = session.getByTestId('step-editor').first();
    await step.getByTestId('step-questions').fill('Mikä on sinulle tärkeää?\n\nMitä toivot tältä päivältä?');
    await step.getByTestId('step-questions').press('Tab');
    const first = await eventually(() => {
      const st = stepsOf(firstSession(stored()))[0];
      return st.questions.length === 2 && st;
    }, 'the support questions are in the file');
    assert.deepEqual(first.questions, ['Mikä on sinulle tärkeää?', 'Mitä toivot tältä päivältä?'], 'one question per non-empty line');

    await step.getByTestId('step-board').selectOption(s.free.id);
    await eventually(() => stepsOf(firstSession(stored()))[0].board_id === s.free.id, 'the step works on the chosen board');
    await step.getByRole('combobox', { name: 'Osallisuuden taso' }).selectOption({ label: 'Vaikuttaja' });
    await eventually(() => stepsOf(firstSession(stored()))[0].participation === 'influencer', 'the level of participation is in the file');

    await page.getByRole('button', { name: `Siirrä alas: ${first.title}` }).click();
    await eventually(() => stepsOf(firstSession(stored()))[1].id === first.id, 'the step moved one place down');
    await page.getByTestId('workshop-title').click();
    await page.keyboard.press('Control+z');
    await eventually(() => stepsOf(firstSession(stored()))[0].id === first.id, 'Ctrl+Z put the step back first');

    await page.getByTestId('add-session').click();
    await eventually(() => stored().sessions.some((x) => x.title === 'Uusi kokoontuminen'), 'a new session is in the file');
    await noAxeViolations(page, 'the plan editor');
    await screenshot(page, 'plan-editor');
  });

  it('the facilitator deletes a board to the trash, finds it in the Roskakori, restores it whole with the keyboard, Kumoa undoes a deletion, and emptying the trash asks first', async () => {
    const page = s.lead;
    const titles = stored().boards.map((b) => b.title);
    const board = stored().boards.find((b) => !b.archived && b.id !== s.free.id && titles.filter((t) => t === b.title).length === 1);
    const before = JSON.stringify(board);
    const entry = page.getByTestId('trash-entry').filter({ hasText: `Taulu «${board.title}»` });

    await page.getByRole('button', { name: `Poista taulu: ${board.title}`, exact: true }).click();
    await eventually(() => !stored().boards.some((b) => b.id === board.id), 'the board is gone from the file');
    await entry.waitFor();
    assert.match(await page.getByTestId('plan-status').innerText(), /Siirretty roskakoriin/, 'the page says where it went');
    assert.match(await page.getByTestId('trash').innerText(), /poistettu/, 'the trash says when');
    await noAxeViolations(page, 'the trash with a deleted board');
    await screenshot(page.getByTestId('trash'), 'trash');

    await page.getByRole('button', { name: `Palauta: Taulu «${board.title}»` }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => JSON.stringify(stored().boards.find((b) => b.id === board.id)) === before, 'the board is back whole, items and all');
    await page.getByText('Roskakori on tyhjä.').waitFor();

    await page.getByRole('button', { name: `Poista taulu: ${board.title}`, exact: true }).click();
    await entry.waitFor();
    await page.getByTestId('undo-delete').focus();
    await page.keyboard.press('Enter');
    await eventually(() => JSON.stringify(stored().boards.find((b) => b.id === board.id)) === before, 'Kumoa brings it back whole');
    await page.getByText('Roskakori on tyhjä.').waitFor();
    await noAxeViolations(page, 'the workshop page after restoring');

    const added = page.getByTestId('session-editor').filter({ has: page.getByRole('heading', { name: 'Uusi kokoontuminen' }) });
    await added.getByTestId('session-summary').click();
    await added.getByRole('button', { name: 'Poista: Uusi kokoontuminen' }).click();
    await eventually(() => !stored().sessions.some((x) => x.title === 'Uusi kokoontuminen'), 'the session is gone from the file');
    await page.getByTestId('trash-entry').filter({ hasText: 'Kokoontuminen «Uusi kokoontuminen»' }).waitFor();
    await page.getByTestId('trash-empty').focus();
    await page.keyboard.press('Enter');
    await noAxeViolations(page, 'the trash asking before it is emptied');
    await page.getByTestId('trash-empty-confirm').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Roskakori on tyhjä.').waitFor();
    assert.equal(await page.getByTestId('undo-delete').count(), 0, 'nothing is left to undo from an emptied trash');
  });

  it('a browser participant sees the plan read-only, cannot delete a board or touch the trash even through /rpc, and comments on an item, which the facilitator sees and resolves', async () => {
    const page = await joinInBrowser('Selma Öhman');
    assert.equal(await page.getByTestId('session-editor').count(), 0, 'no plan editor for a participant');
    assert.equal(await page.getByTestId('trash').count() + (await page.getByTestId('delete-board').count()), 0, 'no trash and no deleting boards');
    const token = await page.evaluate((code) => sessionStorage.getItem(`paja.token.${code}`), s.hub.code);
    for (const command of [{ cmd: 'delete_board', board: s.free.id }, { cmd: 'empty_trash' }, { cmd: 'restore_trash', entry: 'x' }]) {
      const answer = await rawCall(page, { secret: 'c', password: s.hub.code, first: { token }, request: { method: 'execute', params: { command } } });
      assert.equal(answer.ok, false, `the hub refuses a participant's ${command.cmd}`);
      assert.match(answer.error.message, /Only the facilitator/, `it says why: ${answer.error.message}`);
    }
    assert.ok(stored().boards.some((b) => b.id === s.free.id), 'the board is still in the file');
    await page.getByText('Mikä on sinulle tärkeää?').first().waitFor();

    await page.getByRole('button', { name: `Avaa: ${s.free.title}` }).click();
    await page.getByRole('button', { name: 'Lista' }).click();
    const row = page.getByTestId('list-row').first();
    await row.getByTestId('comment-count').click();
    await row.getByTestId('comment-text').fill('Tämä kuuluu kolmanteen kokoontumiseen.');
    await row.getByTestId('comment-add').click();
    await row.getByTestId('comment').filter({ hasText: 'kolmanteen kokoontumiseen' }).waitFor();
    const comment = await eventually(
      () => stored().comments.find((c) => c.text === 'Tämä kuuluu kolmanteen kokoontumiseen.'),
      'the comment is in the file',
    );
    assert.equal(comment.board_id, s.free.id, 'on the board it was written on');
    assert.equal(comment.target_id, s.free.cards[0].id, 'on the item of that row');
    assert.equal(comment.author, 'Selma Öhman', 'the hub names the person who wrote it');
    assert.equal(await row.getByTestId('comment-count').getAttribute('data-count'), '1', 'the item shows its comment count');
    await noAxeViolations(page, 'a thread open in the list view');
    await page.getByRole('button', { name: 'Kuva', exact: true }).click();
    await page.locator(`[data-id="${comment.target_id}"][data-comments="1"]`).waitFor();

    const panel = s.lead.getByTestId('comment-panel');
    const shown = panel.getByTestId('comment').filter({ hasText: 'kolmanteen kokoontumiseen' });
    await shown.waitFor();
    assert.match(await shown.innerText(), /Selma Öhman/, 'the facilitator sees who wrote it');
    await noAxeViolations(s.lead, 'the open comments panel');
    await screenshot(panel, 'comment-panel');
    await shown.getByTestId('comment-resolve').click();
    await eventually(() => stored().comments.find((c) => c.id === comment.id)?.resolved, 'the comment is resolved in the file');
    await eventually(async () => (await shown.count()) === 0, 'a resolved comment leaves the open comments');
  });

  it('an observer follows a live edit, finds no writing control, and a write forced through /rpc is refused', async () => {
    const page = await joinInBrowser('Eeva Sivusta', { observer: true });
    const me = await eventually(() => stored().control.people.find((p) => p.name === 'Eeva Sivusta'), 'the observer is on the roster');
    assert.equal(me.role, 'observer', 'the hub knows the observer role');
    await page.getByText('Seuraat sivusta. Et voi muuttaa mitään.').waitFor();
    assert.deepEqual(await writingControls(page), [], 'nothing to write with on the workshop home');

    await page.getByRole('button', { name: `Avaa: ${s.free.title}` }).click();
    await page.getByRole('button', { name: 'Lista' }).click();
    await s.facilitator.execute({
      cmd: 'add_item',
      board: s.free.id,
      item: { type: 'FreeCard', id: '', text: 'Ohjaajan uusi kortti', color: 'yellow', pos: { x: 40, y: 40 } },
    });
    await page.getByTestId('list-row').filter({ hasText: 'Ohjaajan uusi kortti' }).waitFor();
    assert.deepEqual(await writingControls(page), [], 'nothing to write with on a board');
    await noAxeViolations(page, 'a board as an observer sees it');

    const token = await page.evaluate((code) => sessionStorage.getItem(`paja.token.${code}`), s.hub.code);
    const command = { cmd: 'add_session', title: 'Sivusta lisätty' };
    const answer = await rawCall(page, { secret: 'c', password: s.hub.code, first: { token }, request: { method: 'execute', params: { command } } });
    assert.equal(answer.ok, false, 'the hub refuses an observer’s write');
    assert.match(answer.error.message, /\.$/, `one sentence: ${answer.error.message}`);
    assert.ok(!stored().sessions.some((x) => x.title === 'Sivusta lisätty'), 'the file never got the observer’s session');
  });
});
