// The glossary, the phenomenon map with its SWOT, and picture cards for introductions,
// in Chromium against a real `paja serve` with the demo workshop: what the demo holds
// is shown, axe finds nothing, and a term, a threat and a picture card are added by
// keyboard and read back from the file with their Finnish letters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, boardsOf, demoWorkshop, eventually, exportJson, openBrowser, screenshot, serveWorkshop, stopAll } from './harness.mjs';

const GLOSSARY = 'Yhteiset käsitteet';
const MAP = 'Ilmiökartta: yksin asioimisen vaikeus';
const INTRO = 'Tutustuminen kuvakorteilla';

describe('glossary, phenomenon map and picture cards in the browser', { timeout: 240000 }, () => {
  let hub;
  let page;

  before(async () => {
    hub = await serveWorkshop(demoWorkshop());
    ({ page } = await openBrowser(hub.page));
  });

  after(async () => {
    if (page) assert.deepEqual(page.errors, [], 'the page threw no errors');
    await stopAll();
  });

  async function openBoard(title) {
    await page.goto(`${hub.page}#/`);
    await page.getByRole('button', { name: `Avaa: ${title}` }).click();
    await page.getByTestId('board-title-heading').waitFor();
  }

  const stored = (kind, title) => boardsOf(exportJson(hub.file), kind).find((b) => b.title === title);
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

  it('the glossary lists the agreed terms in order, each with its meaning and plain version', async () => {
    await openBoard(GLOSSARY);
    const glossary = page.getByTestId('glossary');
    const words = await glossary.locator('input[id^="term-"]').evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.deepEqual(words.slice(0, 2), ['Palveluohjaus', 'Kokemusasiantuntija'], 'the demo terms come in their order');
    const first = glossary.getByTestId('term').first();
    assert.equal(await first.locator('legend').textContent(), 'Palveluohjaus', 'each term is a group named by its word');
    assert.match(await first.getByRole('textbox', { name: 'Mitä se tarkoittaa' }).inputValue(), /palvelut/, 'the meaning is shown');
    assert.equal(await first.getByRole('textbox', { name: 'Selkokielellä' }).inputValue(), 'Saat tukea, kun etsit oikeaa apua.');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the glossary');
    await screenshot(glossary, 'glossary');
  });

  it('a term added by keyboard is written, moved up one place and stored with ä and ö', async () => {
    const before = stored('glossary', GLOSSARY).terms.length;
    await page.getByRole('button', { name: 'Uusi käsite' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.id.startsWith('term-')), 'the new term\'s word field has the cursor');
    await page.keyboard.type('Yhteisötyö');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Työtä, jossa asukkaat ja työntekijät kehittävät yhdessä.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Teemme työtä yhdessä.');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(), 'Siirrä ylös: Yhteisötyö', 'Tab reaches the move buttons, named after the term');
    await page.keyboard.press('Enter');
    const terms = await eventually(() => {
      const list = stored('glossary', GLOSSARY).terms.sort((a, b) => a.order - b.order);
      return list.length === before + 1 && list.at(-2).term === 'Yhteisötyö' && list;
    }, 'the new term is stored one place above the last');
    const added = terms.at(-2);
    assert.equal(added.meaning, 'Työtä, jossa asukkaat ja työntekijät kehittävät yhdessä.');
    assert.equal(added.plain, 'Teemme työtä yhdessä.', 'the plain version is kept letter for letter');
    assert.equal(await focusedName(), 'Siirrä ylös: Yhteisötyö', 'the focus stays on the moved term\'s button');
  });

  it('the phenomenon map shows the phenomenon in the middle, notes in all five zones and all four SWOT fields', async () => {
    await openBoard(MAP);
    const map = page.getByTestId('phenomenon-map');
    await map.getByRole('heading', { name: 'Ilmiökartta' }).waitFor();
    assert.match(await map.getByRole('textbox', { name: 'Ilmiö tai muutos' }).inputValue(), /verkkoon/, 'the phenomenon is in the middle');
    const zones = ['Mistä ilmiö johtuu?', 'Mitä siitä seuraa?', 'Keitä se koskee?', 'Mitä muutoksia jo näkyy?', 'Mitä palvelusta puuttuu?'];
    for (const zone of zones) {
      const region = map.getByRole('region', { name: zone });
      assert.ok((await region.getByTestId('entry').count()) > 0, `the zone "${zone}" lists the demo's notes`);
    }
    assert.equal(
      await map.getByRole('region', { name: 'Mistä ilmiö johtuu?' }).getByRole('textbox').first().inputValue(),
      'Asiointi siirtyy verkkoon ja puhelinajat vähenevät.',
    );
    assert.match(await map.getByRole('region', { name: 'Mitä palvelusta puuttuu?' }).innerText(), /Lähteet: Kriittinen piste/, 'a traced note names its source');
    const swot = page.getByTestId('swot');
    for (const field of ['Vahvuudet', 'Heikkoudet', 'Mahdollisuudet', 'Uhat']) {
      assert.ok((await swot.getByRole('region', { name: field }).getByTestId('entry').count()) > 0, `the SWOT field "${field}" has notes`);
    }
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the phenomenon map');
    await screenshot(page.locator('.phenomenon-editor'), 'phenomenon-map');
  });

  it('a threat added by keyboard is stored in the Uhat field, and a note moves to another zone by its choice', async () => {
    const threats = page.getByTestId('swot').getByRole('region', { name: 'Uhat' });
    await threats.getByRole('button', { name: 'Uusi merkintä: Uhat' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'), 'the new note has the cursor');
    await page.keyboard.type('Säästöt vievät lähipalvelut pois kylästä.');
    await page.keyboard.press('Tab');
    const entry = await eventually(
      () => stored('phenomenon', MAP).entries.find((e) => e.text === 'Säästöt vievät lähipalvelut pois kylästä.'),
      'the new threat is in the file',
    );
    assert.equal(entry.zone, 'threats', 'it is stored in the Uhat field');

    const note = threats.getByTestId('entry').filter({ has: page.locator(`#entry-${entry.id}`) });
    await note.getByRole('combobox', { name: 'Alue' }).selectOption({ label: 'Mahdollisuudet' });
    await eventually(() => stored('phenomenon', MAP).entries.find((e) => e.id === entry.id).zone === 'opportunities', 'the note moved zone');
    const opportunities = page.getByTestId('swot').getByRole('region', { name: 'Mahdollisuudet' });
    await eventually(async () => (await opportunities.getByTestId('entry').last().getByRole('textbox').inputValue()).startsWith('Säästöt'), 'the note shows under its new heading');
    await eventually(() => page.evaluate((id) => document.activeElement?.id === `entry-zone-${id}`, entry.id), 'the focus follows the moved note');
  });

  it('the introductions board shows three picture cards, each picture above its text', async () => {
    await openBoard(INTRO);
    const notes = page.getByTestId('sticky');
    await notes.first().waitFor();
    assert.equal(await notes.count(), 3);
    for (const [name, text] of [
      ['Aurinko', 'Tulin innolla'],
      ['Silta', 'Haluan olla silta'],
      ['Taimi', 'Olen uusi'],
    ]) {
      const note = notes.filter({ has: page.getByRole('img', { name }) });
      assert.equal(await note.count(), 1, `one note shows the picture ${name}`);
      assert.ok((await note.getByRole('textbox').inputValue()).startsWith(text), `the ${name} card keeps its text`);
    }
    assert.equal(await page.getByTestId('picture-card').count(), 3, 'the list under the canvas holds the three cards');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the introductions board');
    await screenshot(page.locator('.free-editor'), 'picture-cards');
  });

  it('a person picks Majakka from the deck by keyboard and writes why, and it is stored', async () => {
    await page.getByRole('button', { name: 'Kuvakortit' }).focus();
    await page.keyboard.press('Enter');
    const deck = page.getByTestId('picture-deck');
    await deck.waitFor();
    await page.keyboard.press('Escape');
    await eventually(async () => (await deck.count()) === 0 && (await focusedName()) === 'Kuvakortit', 'Escape closes the deck and returns to its button');
    await page.keyboard.press('Enter');
    await deck.waitFor();
    assert.equal(await deck.getByRole('button').count(), 17, 'sixteen cards and a button to close');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the deck open');
    await screenshot(deck, 'picture-deck');
    assert.equal(await focusedName(), 'Aurinko', 'the deck opens on its first card');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    assert.equal(await focusedName(), 'Majakka', 'the arrow keys move across the grid of four');
    await page.keyboard.press('Enter');
    await eventually(
      () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Miksi valitsit kuvan Majakka?'),
      'the new card\'s text field has the cursor',
    );
    assert.equal(await deck.count(), 0, 'the deck closes after a pick');
    await page.keyboard.type('Näytän suunnan, kun on pimeää.');
    await page.keyboard.press('Tab');
    const card = await eventually(
      () => stored('free', INTRO).cards.find((c) => c.picture === 'lighthouse' && c.text),
      'the lighthouse card and its text are in the file',
    );
    assert.equal(card.text, 'Näytän suunnan, kun on pimeää.', 'ä survives');
    await page.getByTestId('sticky').filter({ has: page.getByRole('img', { name: 'Majakka' }) }).waitFor();
  });

  it('in the list under the canvas a card\'s picture is changed, and then removed while its text stays', async () => {
    const sprout = page.getByTestId('picture-card').filter({ has: page.getByRole('img', { name: 'Taimi' }) });
    await sprout.getByRole('combobox', { name: 'Kuva' }).selectOption({ label: 'Puu' });
    const text = 'Olen uusi tässä ryhmässä. Opin mielelläni.';
    await eventually(() => stored('free', INTRO).cards.find((c) => c.text === text).picture === 'tree', 'the picture is now the tree');
    const tree = page.getByTestId('picture-card').filter({ has: page.getByRole('img', { name: 'Puu' }) });
    await tree.getByRole('button', { name: /^Poista kuva/ }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => stored('free', INTRO).cards.find((c) => c.text === text).picture === null, 'the picture is gone from the card');
    await eventually(async () => (await page.getByTestId('picture-card').count()) === 3, 'the list keeps the other picture cards');
    const plain = page.getByTestId('sticky').filter({ hasNot: page.getByRole('img') });
    assert.equal(await plain.getByRole('textbox', { name: 'Lapun teksti' }).inputValue(), text, 'the note stays with its text');
  });
});
