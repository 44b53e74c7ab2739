// The persona and service path editors end to end: a real `paja serve` on
// loopback, Debian's Chromium, and after each test what the .paja file holds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  axeViolations,
  boardsOf,
  demoWorkshop,
  eventually,
  exportJson,
  makePng,
  openBrowser,
  screenshot,
  serveWorkshop,
  stopAll,
  tabTo,
} from './harness.mjs';

const PERSONA_BOARD = 'Käyttäjäpersoonat';
const PATH_BOARD = 'Sannan palvelupolku';

describe('board editors in the browser', { timeout: 240000 }, () => {
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

  /** Adds a persona and waits, as a person would, until its empty sheet has the cursor. */
  async function addPersona(target) {
    await target.getByTestId('persona-add').click();
    await eventually(
      () => target.evaluate(() => document.activeElement?.dataset.testid === 'persona-name'),
      'the new persona\'s name field has focus',
    );
  }

  it('the workshop home has no accessibility violations', async () => {
    await page.goto(`${hub.page}#/`);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the workshop home');
    await screenshot(page, 'workshop-home');
  });

  it('a board made from a template on the home page is in the file, renamed and archived', async () => {
    await page.goto(`${hub.page}#/`);
    await page.getByTestId('new-board-kind').selectOption('service_path');
    await page.getByTestId('new-board-title').fill('Äidin polku');
    await page.getByTestId('new-board-create').click();
    await page.getByTestId('board-title-heading').waitFor();
    const made = await eventually(() => stored('service_path', 'Äidin polku'), 'the new board in the file');
    assert.equal(made.lanes.length, 9, 'the starter template brings the method\'s nine lanes');
    await page.getByRole('button', { name: 'Takaisin työpajaan' }).click();
    await page.getByRole('button', { name: 'Nimeä uudelleen: Äidin polku' }).click();
    await page.getByTestId('rename-input').fill('Åsan polku');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('button', { name: 'Arkistoi: Åsan polku' }).click();
    await page.getByTestId('archived-boards').getByText('Åsan polku').waitFor();
    const archived = await eventually(() => stored('service_path', 'Åsan polku'), 'the renamed board');
    assert.equal(archived.archived, true, 'the board is archived in the file');
  });

  it('a persona filled in on the sheet is in the file with every field and the value triad', async () => {
    await openBoard(PERSONA_BOARD);
    await addPersona(page);
    const fields = {
      name: 'Äänekosken Åke',
      age: '67',
      life_situation: 'Asuu yksin kerrostalossa.',
      support_needs: 'Apua kaupassa käyntiin.',
      strengths: 'Sinnikäs, hyvä huumori.',
      goal: 'Pärjää kotona pidempään.',
      how_to_reach: 'Kotihoito ja naapuriapu.',
      services: 'Kotihoito',
      quote: 'Kyllä tästä selvitään.',
      value_functional: 'Arki sujuu.',
      value_social: 'Ystäviä näkee.',
      value_emotional: 'Olo on turvallinen.',
    };
    for (const [key, value] of Object.entries(fields)) {
      await page.getByTestId(`persona-${key}`).fill(value);
      await page.getByTestId(`persona-${key}`).blur();
    }
    await page.getByTestId('avatar-drawn-3').click();
    const persona = await eventually(
      () => stored('persona', PERSONA_BOARD)?.personas.find((p) => p.name === fields.name && p.value_emotional && p.avatar),
      'the persona in the file',
    );
    for (const [key, value] of Object.entries(fields)) assert.equal(persona[key], value, `${key} is stored as typed, å ä ö intact`);
    assert.equal(persona.avatar, 'drawn:3', 'the drawn avatar is chosen');
    assert.match(await page.getByTestId('composite-note').textContent(), /ei ole oikea ihminen/, 'the composite note is shown');
  });

  it('a picture added to a persona is stored small and without its metadata', async () => {
    await openBoard(PERSONA_BOARD);
    await page.getByTestId('avatar-upload').setInputFiles({ name: 'kuva.png', mimeType: 'image/png', buffer: await makePng(900, 600) });
    const persona = await eventually(
      () => stored('persona', PERSONA_BOARD)?.personas.find((p) => p.avatar?.startsWith('media:')),
      'a persona with a stored picture',
    );
    const img = page.locator('.sheet-head img');
    await img.waitFor();
    const size = await img.evaluate((el) => [el.naturalWidth, el.naturalHeight]);
    assert.deepEqual(size, [512, 341], `the stored picture of ${persona.name} is at most 512 px`);
  });

  it('the persona editor has no accessibility violations; screenshot', async () => {
    await openBoard(PERSONA_BOARD);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the persona editor');
    await page.getByRole('button', { name: 'Lista' }).click();
    assert.deepEqual(await axeViolations(page), [], 'nor on its list view');
    await page.getByRole('button', { name: 'Kuva' }).click();
    await screenshot(page, 'persona-editor');
  });

  it('a service path edited in the grid is in the file: phase, feeling, card, critical point, exit, persona', async () => {
    await openBoard(PATH_BOARD);
    await page.getByTestId('add-phase').click();
    const names = page.getByTestId('phase-name');
    await eventually(async () => (await names.count()) === 7, 'a seventh phase');
    await names.nth(6).fill('Jälkiseuranta');
    await names.nth(6).press('Enter');
    await page.getByTestId('phase-duration').nth(6).fill('18 kk');
    await page.getByTestId('phase-duration').nth(6).blur();
    await page.getByRole('combobox', { name: 'Tunne: Jälkiseuranta' }).selectOption('2');
    await page.getByRole('button', { name: 'Lisää kortti: Mitä tapahtuu, Jälkiseuranta' }).click();
    const text = page.locator('textarea:focus');
    await text.fill('Soitto kuulumisista');
    await text.blur();
    await page.getByRole('button', { name: 'Lisää kortti: Vaikeaa, Jälkiseuranta' }).click();
    await page.locator('textarea:focus').fill('Yhteys katkeaa');
    await page.locator('textarea:focus').blur();
    const cardId = await eventually(
      () => page.evaluate(() => [...document.querySelectorAll('[data-testid="path-card"]')].find((li) => li.querySelector('textarea').value === 'Yhteys katkeaa')?.dataset.cardId),
      'the new card in the grid',
    );
    await page.locator(`[data-card-id="${cardId}"]`).getByRole('checkbox', { name: 'Kriittinen kohta' }).click();
    await page.getByRole('button', { name: 'Siirrä vasemmalle: Jälkiseuranta' }).click();
    const path = await eventually(() => {
      const b = stored('service_path', PATH_BOARD);
      const phase = b?.phases.find((p) => p.name === 'Jälkiseuranta');
      const critical = b?.cards.find((c) => c.text === 'Yhteys katkeaa' && c.critical);
      return phase && critical && phase.order < Math.max(...b.phases.map((p) => p.order)) ? b : null;
    }, 'the edited path in the file');
    const phase = path.phases.find((p) => p.name === 'Jälkiseuranta');
    assert.equal(phase.duration, '18 kk');
    assert.equal(phase.emotion, 2, 'the feeling chosen for the phase');
    assert.ok(path.cards.some((c) => c.text === 'Soitto kuulumisista' && c.phase_id === phase.id), 'the card sits in its phase');
    assert.ok(await page.getByTestId('critical-mark').count() > 0, 'a critical point is marked on the curve');
    await page.getByRole('button', { name: 'Lisää lähtö' }).click();
    await eventually(() => stored('service_path', PATH_BOARD).endpoints.length === 5, 'a fifth endpoint');
    const personas = stored('persona', PERSONA_BOARD).personas;
    await page.getByTestId('path-persona').getByRole('combobox').selectOption(personas[0].id);
    await eventually(() => stored('service_path', PATH_BOARD).persona_id === personas[0].id, 'the linked persona');
    await eventually(async () => (await page.locator('.linked-persona strong').textContent()) === personas[0].name, 'the linked persona shown');
  });

  it('the service path editor has no accessibility violations; screenshot', async () => {
    await openBoard(PATH_BOARD);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the service path editor');
    await page.getByRole('button', { name: 'Näytä kaikki' }).click();
    await screenshot(page, 'service-path-editor');
    await page.getByRole('button', { name: 'Lista' }).click();
    assert.deepEqual(await axeViolations(page), [], 'nor on its list view');
  });

  it('search highlights matching cards; undo takes back the last edit and redo brings it back', async () => {
    await openBoard(PATH_BOARD);
    await page.getByTestId('board-search').fill('soitto');
    await eventually(async () => (await page.locator('.path-card.match').count()) === 1, 'one highlighted card');
    await page.getByTestId('board-search').fill('');
    await page.getByRole('button', { name: 'Lisää kortti: Toimijat, Jälkiseuranta' }).click();
    await page.locator('textarea:focus').fill('Kumottava');
    await page.locator('textarea:focus').blur();
    await eventually(() => stored('service_path', PATH_BOARD).cards.some((c) => c.text === 'Kumottava'), 'the card');
    await page.getByRole('button', { name: 'Kumoa' }).click();
    await eventually(() => !stored('service_path', PATH_BOARD).cards.some((c) => c.text === 'Kumottava'), 'undo took the text back');
    await page.getByRole('button', { name: 'Tee uudelleen' }).click();
    await eventually(() => stored('service_path', PATH_BOARD).cards.some((c) => c.text === 'Kumottava'), 'redo brought it back');
  });

  it('copy and paste of selected personas makes copies in the file', async () => {
    await openBoard(PERSONA_BOARD);
    const before = stored('persona', PERSONA_BOARD).personas.length;
    await page.getByRole('button', { name: 'Lista' }).click();
    await page.getByRole('checkbox', { name: /^Valitse / }).first().check();
    await page.getByRole('button', { name: 'Kopioi' }).click();
    await page.getByRole('button', { name: 'Liitä' }).click();
    await eventually(() => stored('persona', PERSONA_BOARD).personas.length === before + 1, 'one more persona');
  });

  it('an edit by another browser appears with no action', async () => {
    await openBoard(PERSONA_BOARD);
    const other = await openBrowser(hub.page);
    await other.page.getByRole('button', { name: `Avaa: ${PERSONA_BOARD}` }).click();
    await addPersona(other.page);
    await other.page.getByTestId('persona-name').fill('Vieraan tekemä');
    await other.page.getByTestId('persona-name').blur();
    await page.getByRole('button', { name: /Vieraan tekemä/ }).waitFor({ timeout: 10000 });
  });

  it('keyboard only: builds a persona', async () => {
    await page.goto(`${hub.page}#/`);
    await page.getByTestId('workshop-title').waitFor();
    await tabTo(page, `button[aria-label="Avaa: ${PERSONA_BOARD}"]`);
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="persona-add"]');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.dataset.testid === 'persona-name'), 'the name field has focus');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Näppäimistön Väinö');
    for (const value of ['45', 'Työtön', 'Tukea töihin', 'Ahkera', 'Työpaikka']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab');
    const persona = await eventually(
      () => stored('persona', PERSONA_BOARD)?.personas.find((p) => p.name === 'Näppäimistön Väinö' && p.goal === 'Työpaikka'),
      'the keyboard-built persona in the file',
    );
    assert.equal(persona.support_needs, 'Tukea töihin', 'each Tab moved to the next field in the method\'s order');
  });

  it('the language and text size chosen stay after a reload', async () => {
    const own = await openBrowser(hub.page);
    await own.page.getByTestId('language').selectOption('sv');
    await own.page.getByTestId('text-size').selectOption('larger');
    await own.page.reload();
    await own.page.getByRole('list', { name: 'Tavlor', exact: true }).waitFor();
    const size = await own.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(size, '24px', 'the largest text size is 150% of 16 px');
    assert.equal(await own.page.evaluate(() => document.documentElement.lang), 'sv', 'the page says it is Swedish');
    assert.deepEqual(await axeViolations(own.page), [], 'axe finds nothing in Swedish at the largest text size');
  });

  it('at 200% zoom the home page and the persona sheet need no sideways scrolling', async () => {
    const zoomed = await openBrowser(hub.page, { viewport: { width: 640, height: 400 } });
    const fits = () => zoomed.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    assert.ok(await fits(), 'the home page fits 640 css px (1280 px at 200%)');
    await zoomed.page.getByRole('button', { name: `Avaa: ${PERSONA_BOARD}` }).click();
    await zoomed.page.getByTestId('persona-sheet').waitFor();
    assert.ok(await fits(), 'the persona editor fits too');
  });
});
