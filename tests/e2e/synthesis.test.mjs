// Help between sessions in Chromium against a real `paja serve`: grouping a café
// station's notes by keyboard (one suggestion accepted, one rejected), the harvest
// draft, and plain-language hints in the criteria editor, read through ARIA.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  axeViolations,
  cliBin,
  demoWorkshop,
  eventually,
  exportJson,
  openBrowser,
  screenshot,
  serveWorkshop,
  stopAll,
  tabTo,
  tempDir,
} from './harness.mjs';

const CAFE = 'Oppimiskahvila: verkostot ja kehittämistarpeet';
const STATION = 'Missä kohdassa asiakas jää yksin?';
// Two themes a facilitator would see at once: waiting for decisions, and forms.
const NOTES = [
  'Päätöstä odotin kolme kuukautta.',
  'Päätöksen odottaminen vie voimat.',
  'Odotin päätöstä koko kevään.',
  'Lomakkeet ovat liian vaikeita.',
  'Lomakkeen täyttämiseen tarvitsin apua.',
  'Kelan lomakkeet ovat vaikeita täyttää.',
];

/** The demo workshop with more notes at one station, imported into a new file. */
function workshopWithNotes() {
  const json = exportJson(demoWorkshop());
  const cafe = json.boards.find((b) => b.title === CAFE);
  const group = cafe.groups[0].id;
  const station = cafe.stations.find((s) => s.question.startsWith(STATION)).id;
  NOTES.forEach((text, i) => cafe.notes.push({ id: `note-extra-${i}`, station_id: station, group_id: group, round: 2, text, theme: '' }));
  const dir = tempDir();
  writeFileSync(join(dir, 'in.json'), JSON.stringify(json));
  const file = join(dir, 'kahvila.paja');
  const made = spawnSync(cliBin, ['import', 'json', join(dir, 'in.json'), '-o', file], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  return file;
}

describe('help between sessions in the browser', { timeout: 240000 }, () => {
  let hub;
  let page;

  before(async () => {
    hub = await serveWorkshop(workshopWithNotes());
    ({ page } = await openBrowser(hub.page));
  });

  after(async () => {
    if (page) assert.deepEqual(page.errors, [], 'the page threw no errors');
    await stopAll();
  });

  const storedCafe = () => exportJson(hub.file).boards.find((b) => b.title === CAFE);

  it('a facilitator accepts one suggested group and rejects another by keyboard', async () => {
    await page.goto(`${hub.page}#/`);
    await page.getByRole('button', { name: `Avaa: ${CAFE}` }).click();
    await page.getByRole('button', { name: 'Kokoaminen' }).click();
    const station = page.locator('.harvest-station', { hasText: STATION });
    await station.getByRole('button', { name: 'Ehdota ryhmiä' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('suggestions');
    await eventually(async () => (await panel.locator('.proposal').count()) >= 2, 'two suggestions appear');
    assert.match(await page.getByTestId('suggestions-status').innerText(), /ehdotusta/);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with suggestions open');
    await screenshot(page, 'cafe-suggestions');

    // The suggestion about forms: rename it, then accept it with Enter on its button.
    const forms = panel.locator('.proposal', { hasText: 'Lomakkeen täyttämiseen' });
    const name = forms.getByRole('textbox', { name: 'Ryhmän nimi' });
    await name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Lomakkeet ja apu');
    await tabTo(page, '[data-proposal] button:not([disabled])');
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await page.getByTestId('suggestions-status').innerText()).includes('Lomakkeet ja apu'),
      'the status says the group was made',
    );
    const themed = storedCafe().notes.filter((n) => n.theme === 'Lomakkeet ja apu').map((n) => n.text);
    assert.ok(themed.includes('Lomakkeen täyttämiseen tarvitsin apua.'), `the file holds the theme: ${themed}`);
    assert.ok(!themed.some((t) => t.startsWith('Päätö')), 'no waiting note was put under forms');

    // Focus moved on to the next suggestion; reject it with the keyboard.
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-proposal]')?.textContent ?? '');
    assert.ok(focused.length > 0, 'after accepting, focus is on the next suggestion');
    await tabTo(page, '[data-proposal] button:not([disabled]) + button');
    const before = storedCafe().notes.map((n) => n.theme);
    await page.keyboard.press('Enter');
    await eventually(async () => (await page.getByTestId('suggestions-status').innerText()) === 'Hylkäsit ehdotuksen.', 'rejected');
    assert.deepEqual(storedCafe().notes.map((n) => n.theme), before, 'rejecting changes nothing in the file');
    assert.match(await station.innerText(), /teema: Lomakkeet ja apu/, 'the harvest shows the theme beside the notes');

    // Undo takes the whole group back in one step.
    await page.getByRole('button', { name: 'Kumoa' }).click();
    await eventually(() => storedCafe().notes.every((n) => n.theme === ''), 'one undo takes the group back');
    await page.getByRole('button', { name: 'Tee uudelleen' }).click();
    await eventually(() => storedCafe().notes.some((n) => n.theme === 'Lomakkeet ja apu'), 'redo brings it again');
  });

  it('the harvest draft fills the station summary, which stays editable', async () => {
    const station = page.locator('.harvest-station', { hasText: STATION });
    await station.getByRole('button', { name: 'Tee luonnos yhteenvedoksi' }).click();
    const themed = storedCafe().notes.filter((n) => n.theme === 'Lomakkeet ja apu').length;
    const first = `Lomakkeet ja apu (${themed}): ”`;
    await eventually(() => storedCafe().stations.find((s) => s.question.startsWith(STATION)).summary.startsWith(first), 'the draft is stored');
    const summary = station.getByRole('textbox', { name: /yhteenveto/i });
    await eventually(async () => (await summary.inputValue()).startsWith(first), 'the draft is on screen, the accepted theme first');
    assert.match(await summary.inputValue(), /\nPäätö[^\n]*\(\d\): ”/, 'the waiting notes are a suggested theme with their count');
    assert.match(await summary.inputValue(), /Muut \(\d+\)/, 'notes like no other are counted under Muut');
  });

  it('"Samankaltaiset" proposes the notes nearest one idea', async () => {
    await page.goto(`${hub.page}#/`);
    await page.getByRole('button', { name: 'Avaa: Ideaseinä: sujuvampi palvelupolku' }).click();
    await page.getByTestId('view-list').click();
    await page.getByRole('checkbox', { name: 'Valitse Palveluohjausta ruotsiksi' }).check();
    await page.getByTestId('similar-items').click();
    const panel = page.getByTestId('suggestions');
    await eventually(async () => (await page.getByTestId('suggestions-status').innerText()) !== 'Etsitään…', 'the answer comes');
    const status = await page.getByTestId('suggestions-status').innerText();
    assert.ok(status === 'Tälle ei löytynyt samanlaisia.' || /ehdotus/.test(status), status);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing in the similar panel');
    await panel.getByRole('button', { name: 'Sulje ehdotukset' }).click();
  });

  it('the criteria editor shows plain-language hints that a screen reader reads with the field', async () => {
    await page.goto(`${hub.page}#/`);
    await page.getByRole('button', { name: 'Avaa: Laatukriteerit — aihio' }).click();
    const field = page.getByTestId('area-client_work').getByRole('textbox', { name: 'Selkokielellä 1' });
    await field.fill('Asiakkaalle ilmoitetaan päätöksestä viipymättä KELA:n ohjeiden mukaisesti.');
    const hintsId = await field.getAttribute('aria-describedby');
    assert.ok(hintsId, 'the field is described by its hints');
    const hints = page.locator(`#${hintsId}`);
    await eventually(async () => (await hints.innerText()).includes('passiivi'), 'a passive hint appears');
    const text = await hints.innerText();
    assert.match(text, /lyhenne/, 'the abbreviation is hinted');
    assert.match(text, /Pitkiä sanoja [\d,]+ \/ 100 sanaa/, 'the readability figure is shown');
    const description = await page.evaluate((id) => {
      const el = document.querySelector(`[aria-describedby="${id}"]`);
      return el.getAttribute('aria-describedby').split(' ').map((i) => document.getElementById(i).textContent).join(' ');
    }, hintsId);
    assert.match(description, /Kerro, kuka tekee/, 'the description a screen reader reads holds the hint');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with hints shown');
    await screenshot(page, 'plain-language-hints');

    await field.fill('Saat päätöksen kirjeellä.');
    await eventually(async () => (await hints.innerText()).includes('Ei selkovinkkejä'), 'a plain sentence gets no hints');
  });
});
