// Evaluation forms in Chromium against a real `paja serve` on the demo workshop:
// the 29 success factors ranked by importance with the gap to own competence; the
// start, middle and end forms over time with a small group hidden; an open
// question's answers as a list and as words; and a two-scale item answered by
// keyboard, kept in the hub's own table and in no document; a new form of the success
// factors from the starter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, boardsOf, demoWorkshop, eventually, exportJson, keptAnswers, openBrowser, screenshot, serveWorkshop, stopAll } from './harness.mjs';

const RATING = 'Menestystekijät: tärkeys ja oma osaaminen';
const decimal = (n) => new Intl.NumberFormat('fi', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

describe('evaluation forms in the browser', { timeout: 240000 }, () => {
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

  const form = (title) => boardsOf(exportJson(hub.file), 'evaluation').find((b) => b.title === title);

  async function open(title) {
    await page.goto(`${hub.page}#/`);
    await page.getByRole('button', { name: `Avaa: ${title}`, exact: true }).click();
    await page.getByTestId('board-title-heading').filter({ hasText: title }).waitFor();
  }

  it('ranks the 29 success factors by importance, with own competence and the gap beside', async () => {
    await open(RATING);
    const stored = form(RATING);
    const table = page.getByTestId('rating-results');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 29, 'one row per success factor');
    const ranks = await rows.locator('td:first-child').allInnerTexts();
    assert.deepEqual(ranks, Array.from({ length: 29 }, (_, i) => String(i + 1)), 'rows in the order of rank');
    const byRank = [...stored.results].sort((a, b) => a.rank - b.rank);
    const text = (id) => stored.items.find((i) => i.id === id).text;
    assert.deepEqual(await rows.locator('th').allInnerTexts(), byRank.map((r) => text(r.item_id)), 'the factors as the core ranks them');
    const first = rows.first().locator('td');
    assert.equal(await first.nth(1).innerText(), `${decimal(byRank[0].mean)} (${decimal(byRank[0].sd)})`, 'importance: mean (deviation)');
    assert.equal(await first.nth(2).innerText(), `${decimal(byRank[0].second_mean)} (${decimal(byRank[0].second_sd)})`, 'own competence: mean (deviation)');
    const gaps = await rows.locator('td:last-child').allInnerTexts();
    assert.deepEqual(gaps, byRank.map((r) => decimal(r.gap)), 'every factor shows its gap with a decimal comma');
    await page.getByText('Ero on tärkeys miinus oma osaaminen.').waitFor();
    assert.equal(await page.getByTestId('over-time').count(), 0, 'a form with no stage has no over-time table');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the ranked factors');
    await screenshot(table, 'evaluation-rating');
  });

  it('shows the start, middle and end forms over time, the small professional group hidden in the middle', async () => {
    await open('Väliarviointi');
    const table = page.getByTestId('over-time');
    await table.waitFor();
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Kysymys', 'Alku', 'Väli', 'Loppu']);
    const row = table.getByRole('row').filter({ hasText: 'Sain sanoa asiani ja tulin kuulluksi.' });
    const cells = row.getByRole('cell');
    assert.equal(await cells.count(), 3, 'one cell per stage');
    const middle = form('Väliarviointi');
    const item = middle.items.find((i) => i.text === 'Sain sanoa asiani ja tulin kuulluksi.');
    const result = middle.results.find((r) => r.item_id === item.id);
    assert.equal(result.professional_mean, null, 'the demo hides the middle form’s professionals');
    const cell = await cells.nth(1).innerText();
    assert.match(cell, new RegExp(`Kaikki ${decimal(result.mean)}`), 'the middle mean');
    assert.match(cell, /Ammattilainen –/, 'the hidden group is a dash');
    assert.match(await cells.nth(0).innerText(), /Asiakas \d,\d/, 'the start form shows clients apart');
    await page.getByText('Luvuissa ei ole mukana ryhmää, jossa on alle 5 vastaajaa.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the results over time');
    await screenshot(page.locator('.over-time'), 'evaluation-over-time');
  });

  it('lists the answers to an open question, and its words with how many used them', async () => {
    await open('Loppuarviointi');
    const end = form('Loppuarviointi');
    const question = end.items.find((i) => i.text === 'Mikä toimi hyvin?');
    const result = end.results.find((r) => r.item_id === question.id);
    assert.ok(result.texts.length > 0 && result.words.length > 0, 'the demo has open answers');
    const section = page.getByTestId('open-answers').filter({ has: page.getByRole('heading', { name: 'Mikä toimi hyvin?' }) });
    const list = section.getByRole('list', { name: 'Vastaukset' });
    assert.deepEqual(await list.getByRole('listitem').allInnerTexts(), result.texts, 'every answer as written');
    await section.getByRole('radio', { name: 'Vastaukset' }).focus();
    await page.keyboard.press('ArrowRight');
    const words = section.getByRole('table', { name: 'Sanat ja kuinka moni käytti niitä' });
    await words.waitFor();
    const top = Math.max(...result.words.map((w) => w.count));
    const first = words.locator('tbody tr').first();
    assert.equal(await first.getByRole('cell').innerText(), String(top), 'the most used word first');
    assert.equal(await words.locator('tbody tr').count(), result.words.length, 'every word once');
    const rows = await words.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].innerText, tr.cells[1].innerText]));
    for (const w of result.words) assert.ok(rows.some(([word, n]) => word === w.word && n === String(w.count)), `${w.word} with its count`);
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the open answers');
    await screenshot(section, 'evaluation-open');
  });

  it('a professional answers a two-scale factor by keyboard, and only the hub keeps importance and competence', async () => {
    await open(RATING);
    const before = form(RATING).answers.length;
    await page.getByRole('radio', { name: 'Asiakas', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    const factor = page.getByTestId('two-scale').first();
    assert.match(await factor.locator('legend').first().innerText(), /^1\. Asiakkaan luottamus/);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    assert.ok(await factor.getByRole('group', { name: 'Tärkeys' }).getByRole('radio', { name: /^4/ }).isChecked(), 'importance 4');
    assert.ok(await factor.getByRole('group', { name: 'Oma osaaminen' }).getByRole('radio', { name: /^2/ }).isChecked(), 'own competence 2');
    await page.getByRole('button', { name: 'Lähetä vastaukset' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Kiitos').waitFor();
    const kept = await eventually(() => {
      const rows = keptAnswers(hub.file);
      return rows.length === 1 && { item: rows[0].item, group: rows[0].group, value: rows[0].value, second: rows[0].second };
    }, 'one answer in the hub\'s own table');
    const stored = form(RATING);
    const first = [...stored.items].sort((a, b) => a.order - b.order)[0];
    assert.deepEqual(
      kept,
      { item: first.id, group: 'professional', value: 4, second: 2 },
      'importance as the value, own competence as the second, for the first factor',
    );
    assert.equal(stored.answers.length, before, 'no raw answer is written into the workshop the replicas share');
    await page.getByTestId('answers-waiting').getByText('Vastauksia odottaa 1.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the answer form');
  });

  it('a new evaluation from the starter can be the success factors, each rated on two scales', async () => {
    await page.goto(`${hub.page}#/`);
    const before = new Set(boardsOf(exportJson(hub.file), 'evaluation').map((b) => b.id));
    await page.getByTestId('new-board-kind').selectOption('evaluation');
    const kind = page.getByRole('group', { name: 'Arvioinnin kysymykset' });
    assert.ok(await kind.getByRole('radio', { name: 'THL:n osallisuuden kysymykset' }).isChecked(), 'the participation questions by default');
    await kind.getByRole('radio', { name: RATING }).check();
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the new board form');
    await page.getByTestId('new-board-create').click();
    await page.getByTestId('board-title-heading').filter({ hasText: RATING }).waitFor();
    const made = await eventually(
      () => boardsOf(exportJson(hub.file), 'evaluation').find((b) => !before.has(b.id)),
      'the new form is in the file',
    );
    assert.equal(made.items.length, 29, 'the 29 success factors');
    assert.ok(made.items.every((i) => i.kind === 'two_scale' && i.section !== ''), 'each on two scales, under a section');
    assert.equal(await page.getByTestId('two-scale').count(), 29, 'the form asks each factor on two scales');
  });

  it('the editor sets the form’s stage, and an item’s kind and section', async () => {
    const made = () => boardsOf(exportJson(hub.file), 'evaluation').filter((b) => b.title === RATING).at(-1);
    const first = [...made().items].sort((a, b) => a.order - b.order)[0];
    await page.getByTestId('eval-stage').selectOption({ label: 'Loppuarviointi' });
    await eventually(() => made().stage === 'end', 'the stage is in the file');
    await page.getByTestId('over-time').waitFor();
    await page.getByRole('combobox', { name: 'Tyyppi, Kysymys 1', exact: true }).selectOption({ label: 'Avoin kysymys' });
    const section = page.getByRole('textbox', { name: 'Osio, Kysymys 1', exact: true });
    await section.fill('Työntekijän näkökulma');
    await section.press('Enter');
    await eventually(() => {
      const item = made().items.find((i) => i.id === first.id);
      return item.kind === 'open' && item.section === 'Työntekijän näkökulma';
    }, 'the kind and section are in the file');
    await page.getByRole('textbox', { name: `1. ${first.text}` }).waitFor();
    await page.getByRole('heading', { name: 'Työntekijän näkökulma', level: 4 }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing in the editor');
  });
});
