// End-to-end tests of the board editors for the causal map, learning café, idea
// wall, quality criteria, evaluation form and free board: each drives the editor
// in Chromium against a real `paja serve` on the demo workshop, then reads the
// .paja file back through `paja export json`, runs axe, and saves a screenshot
// to docs/screenshots/<kind>.png.
import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import {
  axeViolations,
  boardsOf,
  demoWorkshop,
  eventually,
  exportJson,
  keptAnswers,
  openBrowser,
  screenshot,
  serveWorkshop,
  stopAll,
  tabTo,
} from './harness.mjs';

/** A fresh demo workshop served, and the browser on its board of `kind`
 * (the demo has one of each), reached by the board's address `#/board/<id>`. */
async function session(kind) {
  const hub = await serveWorkshop(demoWorkshop());
  const board = stored(hub, kind);
  const { context, page } = await openBrowser(hub.page);
  await page.goto(`${hub.page}#/board/${encodeURIComponent(board.id)}`);
  await page.locator('.editor').first().waitFor();
  current = context;
  return { hub, page };
}

/** The browser of the running test; closed when the test ends. */
let current = null;

/** The board of `kind` as the file holds it now. */
const stored = (hub, kind) => boardsOf(exportJson(hub.file), kind)[0];

async function noAxeViolations(page) {
  assert.deepEqual(await axeViolations(page), [], 'axe-core finds nothing on the editor');
}

/** Waits until a new card's text field has the keyboard focus, as a person would. */
async function focusIn(page, label) {
  await page.waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, label);
}

function noPageErrors(page) {
  assert.deepEqual(page.errors, [], 'the page threw no errors');
}

describe('causal map, café, idea wall, criteria, evaluation and free board editors', { timeout: 300000 }, () => {
  afterEach(async () => {
    await current?.close().catch(() => undefined);
    current = null;
  });
  after(stopAll);

  it('causal map: asking why twice builds a chain of why-cards linked as causes', async () => {
    const { hub, page } = await session('causal_map');
    const before = stored(hub, 'causal_map');
    const effect = before.nodes.find((n) => n.id === before.central_problem);
    await page.locator(`[data-node-id="${effect.id}"]`).click({ position: { x: 10, y: 10 } });
    await page.getByTestId('ask-why').click();
    await focusIn(page, 'Kortin teksti');
    await page.keyboard.type('Tieto ei kulje ammattilaisten välillä');
    await page.keyboard.press('Tab');
    await page.getByTestId('ask-why').click();
    await focusIn(page, 'Kortin teksti');
    await page.keyboard.type('Järjestelmät eivät keskustele keskenään');
    await page.keyboard.press('Tab');

    const after = await eventually(() => {
      const b = stored(hub, 'causal_map');
      return b.nodes.some((n) => n.text === 'Järjestelmät eivät keskustele keskenään') && b;
    }, 'the second why-card is in the file');
    const first = after.nodes.find((n) => n.text === 'Tieto ei kulje ammattilaisten välillä');
    const second = after.nodes.find((n) => n.text === 'Järjestelmät eivät keskustele keskenään');
    assert.equal(first.role, 'why');
    assert.equal(second.role, 'why');
    assert.ok(
      after.links.some((l) => l.from === first.id && l.to === effect.id),
      'the first why-card is a cause of the central problem',
    );
    assert.ok(
      after.links.some((l) => l.from === second.id && l.to === first.id),
      'the second why-card is a cause of the first: a chain, not a fan',
    );
    assert.ok(after.root_causes.includes(second.id), 'the end of the chain is a root cause, as the core computes it');
    await page.getByRole('button', { name: 'Tämä on keskeinen ongelma' }).waitFor();
    await noAxeViolations(page);
    noPageErrors(page);
  });

  it('causal map: flipping a link sign by its button and moving a card reach the file', async () => {
    const { hub, page } = await session('causal_map');
    const before = stored(hub, 'causal_map');
    const link = before.links[0];
    const toggle = page.getByTestId('polarity-toggle').first();
    const sign = await toggle.textContent();
    await toggle.click();
    await eventually(
      () => stored(hub, 'causal_map').links.find((l) => l.id === link.id).polarity !== link.polarity,
      'the link polarity flipped in the file',
    );
    await page.getByTestId('polarity-toggle').first().filter({ hasNotText: sign }).waitFor();

    const node = before.nodes[0];
    const card = page.locator(`[data-node-id="${node.id}"] .causal-badges`);
    const box = await card.boundingBox();
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 60, { steps: 8 });
    await page.mouse.up();
    await eventually(() => {
      const moved = stored(hub, 'causal_map').nodes.find((n) => n.id === node.id);
      return moved.pos.x !== node.pos.x || moved.pos.y !== node.pos.y;
    }, 'the move is committed on drop');
    await screenshot(page, 'causal_map');
    await noAxeViolations(page);
    noPageErrors(page);
  });

  it('causal map by keyboard only: a new card is linked to the central problem with a − sign', async () => {
    const { hub, page } = await session('causal_map');
    const central = stored(hub, 'causal_map').central_problem;
    await tabTo(page, '[data-testid="add-card"]');
    await page.keyboard.press('Enter');
    await focusIn(page, 'Kortin teksti');
    await page.keyboard.type('Vertaistuki');
    await page.keyboard.press('Tab');
    const card = await eventually(
      () => stored(hub, 'causal_map').nodes.find((n) => n.text === 'Vertaistuki'),
      'the new card is in the file',
    );

    // The link form: choose the cause and the effect with the arrow keys.
    const chooseByKeys = async (label, testid, wanted) => {
      const select = page.getByTestId(testid);
      await tabTo(page, `[data-testid="${testid}"]`);
      for (let i = 0; i < 40 && (await select.inputValue()) !== wanted; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await select.inputValue(), wanted, `${label} reached by the arrow keys`);
    };
    await chooseByKeys('Syy', 'link-from', card.id);
    await chooseByKeys('Seuraus', 'link-to', central);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the radio group: + → −
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const link = await eventually(
      () => stored(hub, 'causal_map').links.find((l) => l.from === card.id && l.to === central),
      'the link is in the file',
    );
    assert.equal(link.polarity, 'weakens', 'peer support weakens the problem');
    noPageErrors(page);
  });

  it('learning café: a station, a group note by round and a harvest summary reach the file', async () => {
    const { hub, page } = await session('cafe');
    const before = stored(hub, 'cafe');
    await page.getByRole('button', { name: 'Uusi piste' }).click();
    await eventually(() => stored(hub, 'cafe').stations.length === before.stations.length + 1, 'a new station');
    const n = before.stations.length + 1;
    await page.getByLabel(`Pisteen ${n} kysymys`).fill('Mitä yhteistyö vaatii?');
    await page.getByLabel(`Pisteen ${n} emäntä tai isäntä`).fill('Åsa');
    await page.getByLabel(`Pisteen ${n} emäntä tai isäntä`).press('Enter');
    await page.getByTestId('rotation').waitFor();
    await screenshot(page, 'cafe');
    await noAxeViolations(page);

    await page.getByRole('button', { name: 'Muistiinpanot' }).click();
    await page.getByLabel('Kierros').selectOption('2');
    await page.getByLabel('Uusi ajatus').fill('Yhteinen kieli ja selkeät roolit');
    await page.getByRole('button', { name: 'Lisää ajatus' }).click();
    await page.getByTestId('own-notes').getByText('Yhteinen kieli ja selkeät roolit').waitFor();
    await noAxeViolations(page);

    await page.getByRole('button', { name: 'Kokoaminen' }).click();
    await page.getByLabel('Pisteen 1 yhteenveto').fill('Tieto ja luottamus kulkevat yhdessä.');
    await page.getByLabel('Pisteen 1 yhteenveto').press('Tab');
    const after = await eventually(() => {
      const b = stored(hub, 'cafe');
      return b.stations.some((s) => s.summary === 'Tieto ja luottamus kulkevat yhdessä.') && b;
    }, 'the summary is in the file');
    const station = after.stations.find((s) => s.question === 'Mitä yhteistyö vaatii?');
    assert.equal(station.host, 'Åsa', 'å survives the round trip');
    const note = after.notes.find((x) => x.text === 'Yhteinen kieli ja selkeät roolit');
    assert.equal(note.round, 2, 'the note remembers its round');
    assert.equal(
      note.station_id,
      after.rotation[1][0],
      'the note is at the station the first group visits in round 2',
    );
    await noAxeViolations(page);
    noPageErrors(page);
  });

  it('idea wall: a new idea is filled in, grouped by drag and by select, voted and made an experiment', async () => {
    const { hub, page } = await session('idea_wall');
    const before = stored(hub, 'idea_wall');
    await page.getByRole('button', { name: 'Uusi idea' }).click();
    const fresh = page.getByTestId('idea-card').filter({ hasText: '(idea ilman nimeä)' });
    await fresh.getByLabel('Idean nimi?').fill('Yhteinen asiakassuunnitelma');
    await fresh.getByLabel('Idean nimi?').press('Enter');
    const card = page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' });
    await card.getByLabel('Kuka tai ketkä ideaa toteuttavat?').fill('Sosiaaliohjaaja ja työvalmentaja');
    await card.getByLabel('Mitä siinä tapahtuu?').fill('Tehdään yksi suunnitelma yhdessä asiakkaan kanssa.');
    await card.getByLabel('Mitä hyötyä siitä on?').fill('Asiakkaan ei tarvitse kertoa asioitaan monta kertaa.');
    await card.getByLabel('Mitä hyötyä siitä on?').press('Tab');

    const [firstCluster, secondCluster] = [...before.clusters].sort((a, b) => a.order - b.order);
    await card.dragTo(page.locator(`[data-cluster-id="${firstCluster.id}"]`));
    let idea = await eventually(() => {
      const i = stored(hub, 'idea_wall').ideas.find((x) => x.name === 'Yhteinen asiakassuunnitelma');
      return i?.cluster_id === firstCluster.id && i;
    }, 'the dragged card is in the first group');
    assert.equal(idea.benefit, 'Asiakkaan ei tarvitse kertoa asioitaan monta kertaa.');

    const moved = page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' });
    await moved.getByLabel('Siirrä ryhmään').selectOption(secondCluster.id);
    await moved.getByRole('button', { name: /^Anna ääni/ }).click();
    await page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' }).getByText('1 ääni').waitFor();
    await page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' }).getByRole('button', { name: /^Anna ääni/ }).click();
    await page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' }).getByText('2 ääntä').waitFor();
    await page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' }).getByRole('button', { name: /^Ota ääni pois/ }).click();
    await page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' }).getByText('1 ääni').waitFor();
    await page.getByTestId('idea-card').filter({ hasText: 'Yhteinen asiakassuunnitelma' }).getByLabel('Kokeillaan tätä').click();

    const after = await eventually(() => {
      const b = stored(hub, 'idea_wall');
      const i = b.ideas.find((x) => x.name === 'Yhteinen asiakassuunnitelma');
      return i?.experiment && b;
    }, 'the idea is an experiment in the file');
    idea = after.ideas.find((x) => x.name === 'Yhteinen asiakassuunnitelma');
    assert.equal(idea.cluster_id, secondCluster.id, 'moved by the select into the second group');
    assert.equal(after.votes.filter((v) => v.idea_id === idea.id).length, 1, 'two votes given, one taken back');
    assert.equal(after.votes.length, before.votes.length + 1);
    assert.ok(after.ranking.some((r) => r.idea_id === idea.id && r.votes === 1), 'the core ranks it by its one vote');
    await page.getByTestId('ranking').getByText('Yhteinen asiakassuunnitelma').waitFor();
    await screenshot(page, 'idea_wall');
    await noAxeViolations(page);
    noPageErrors(page);
  });

  it('quality criteria: a criterion with its plain-language version is added to management', async () => {
    const { hub, page } = await session('quality_criteria');
    const area = page.getByTestId('area-management');
    const rows = await area.locator('.criterion').count();
    await page.getByRole('button', { name: 'Uusi kriteeri: Johtaminen' }).click();
    const n = await eventually(async () => {
      const c = await area.locator('.criterion').count();
      return c === rows + 1 && c;
    }, 'a new criterion row in management');
    await area.getByLabel(`Kriteeri ${n}`, { exact: true }).fill('Johto varaa aikaa yhteiskehittämiseen.');
    await area.getByLabel(`Selkokielellä ${n}`).fill('Esihenkilö antaa aikaa yhteiselle työlle.');
    await area.getByLabel(`Selkokielellä ${n}`).press('Tab');
    const after = await eventually(() => {
      const q = stored(hub, 'quality_criteria');
      return q.criteria.find((c) => c.plain === 'Esihenkilö antaa aikaa yhteiselle työlle.');
    }, 'the criterion is in the file');
    assert.equal(after.area, 'management');
    assert.equal(after.text, 'Johto varaa aikaa yhteiskehittämiseen.');
    await screenshot(page, 'quality_criteria');
    await noAxeViolations(page);
    noPageErrors(page);
  });

  it('evaluation form: paper answers on the 1–5 scale are kept by the hub with the respondent group, and the results counted', async () => {
    const { hub, page } = await session('evaluation');
    const before = stored(hub, 'evaluation');
    await page.getByRole('radio', { name: 'Ammattilainen' }).check();
    const first = page.getByTestId('likert').first();
    await first.getByRole('radio', { name: /^4/ }).check();
    await page.getByTestId('likert').nth(1).getByRole('radio', { name: /^5/ }).check();
    await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
    await page.getByRole('status').getByText('Kiitos vastauksista!').waitFor();
    const kept = await eventually(() => {
      const rows = keptAnswers(hub.file);
      return rows.length === 2 && rows;
    }, 'two answers in the hub\'s own table');
    assert.deepEqual(kept.map((a) => [a.group, a.value]).sort(), [
      ['professional', 4],
      ['professional', 5],
    ]);
    const after = stored(hub, 'evaluation');
    assert.equal(after.answers.length, before.answers.length, 'no raw answer is written into the shared workshop');
    const items = [...after.items].sort((a, b) => a.order - b.order);
    const result = after.results.find((r) => r.item_id === items[0].id);
    const row = page.getByTestId('results').getByRole('row').nth(1);
    await row.getByRole('cell', { name: String(result.count), exact: true }).first().waitFor();
    await screenshot(page, 'evaluation');
    await noAxeViolations(page);
    noPageErrors(page);
  });

  it('free board: a new sticky note gets its text and colour and keeps its place', async () => {
    const { hub, page } = await session('free');
    const before = stored(hub, 'free');
    await page.getByRole('button', { name: 'Uusi lappu' }).click();
    await focusIn(page, 'Lapun teksti');
    await page.keyboard.type('Kysytään Kelan yhteyshenkilöltä');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End'); // the colour select, by keyboard: to the last colour
    const after = await eventually(() => {
      const f = stored(hub, 'free');
      const c = f.cards.find((x) => x.text === 'Kysytään Kelan yhteyshenkilöltä');
      return c?.color === 'pink' && f;
    }, 'the note with its colour is in the file');
    assert.equal(after.cards.length, before.cards.length + 1);
    await screenshot(page, 'free');
    await noAxeViolations(page);
    noPageErrors(page);
  });
});

