// The operating model (toimintamalli) in Chromium against a real `paja serve` with the
// demo: its fields, numbered phases and indicators; "Mistä tämä tuli?" read, added to by
// keyboard and shown broken after its source is deleted; a reflection round opened and
// closed with a comment written while it was open. The stored file is checked after.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { axeViolations, boardsOf, cliBin, demoWorkshop, eventually, exportJson, openBrowser, screenshot, serveWorkshop, stopAll } from './harness.mjs';

const MODEL = 'Toimintamalli: Rinnalla kulkien';

describe('operating model in the browser', { timeout: 240000 }, () => {
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

  const model = () => boardsOf(exportJson(hub.file), 'operating_model').find((b) => b.title === MODEL);
  const element = (text) => model().elements.find((e) => e.text === text);
  const editor = () => page.getByTestId('operating-model');

  const openBoard = async (title) => {
    await page.goto(`${hub.page}#/`);
    await page.getByRole('button', { name: `Avaa: ${title}`, exact: true }).click();
    await page.getByTestId('board-title-heading').filter({ hasText: title }).waitFor();
  };

  /** Presses ArrowDown in the focused select until the chosen option reads `text`. */
  const chooseByKeyboard = async (text) => {
    for (let i = 0; i < 60; i++) {
      const shown = await page.evaluate(() => {
        const s = document.activeElement;
        return s instanceof HTMLSelectElement ? s.selectedOptions[0]?.textContent : null;
      });
      if (shown === text) return;
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`no option "${text}" in the focused select`);
  };

  it('opens from the workshop page with its fields, numbered phases and indicators; axe finds nothing', async () => {
    await openBoard(MODEL);
    const root = editor();
    await root.waitFor();
    assert.equal(
      await root.getByRole('textbox', { name: 'Mikä malli on ja mihin sitä käytämme?' }).inputValue(),
      'Malli kertoo, miten asiakas saa yhden työntekijän rinnalleen.',
    );
    assert.equal(await root.getByRole('textbox', { name: 'Toimintaperiaate 1', exact: true }).inputValue(), 'Asiakas on oman elämänsä asiantuntija');
    assert.equal(await root.getByRole('textbox', { name: 'Toimintatapa 1', exact: true }).inputValue(), 'Tapaamme siellä, missä asiakas on');
    const phases = await root.getByRole('heading', { level: 3, name: /^Vaihe \d/ }).allTextContents();
    assert.deepEqual(phases, ['Vaihe 1: Yhteydenotto', 'Vaihe 2: Yhteinen suunnitelma', 'Vaihe 3: Rinnalla kulkeminen ja seuranta']);
    assert.equal(await root.getByRole('textbox', { name: 'Mitä mittari mittaa? Mittari 1, vaihe 1' }).inputValue(), 'Yhteydenotosta tapaamiseen kuluva aika');
    assert.equal(await root.getByRole('textbox', { name: 'Miten mittaamme? Mittari 1, vaihe 1' }).inputValue(), 'Kirjataan asiakastietojärjestelmään');
    assert.equal(await root.getByRole('textbox', { name: 'Milloin mittaamme? Mittari 1, vaihe 1' }).inputValue(), 'Jatkuvasti');
    const interfaces = root.getByTestId('model-interfaces');
    assert.equal(await interfaces.getByRole('textbox', { name: 'Liittymäpinta 1', exact: true }).inputValue(), 'Aikuissosiaalityö');
    assert.equal(await interfaces.getByRole('textbox', { name: 'Liittymäpinta 2', exact: true }).inputValue(), 'Työllistymistä edistävä yhteispalvelu');
    const rounds = root.getByTestId('rounds');
    await rounds.getByRole('heading', { name: 'Kierros 1 (suljettu)' }).waitFor();
    await rounds.getByRole('heading', { name: 'Kierros 2 (suljettu)' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the operating model');
    await screenshot(page, 'operating-model');
    await screenshot(root.getByTestId('model-phase').locator('.model-phase').first(), 'operating-model-phase');
  });

  it('a way of working is added, written and moved up by keyboard', async () => {
    await editor().getByRole('button', { name: 'Lisää toimintatapa' }).focus();
    await page.keyboard.press('Enter');
    await eventually(
      () => page.evaluate(() => document.activeElement?.closest('label')?.textContent === 'Toimintatapa 2'),
      'the new way of working has the cursor',
    );
    await page.keyboard.type('Läheinen voi tulla mukaan');
    await page.keyboard.press('Enter');
    await eventually(() => element('Läheinen voi tulla mukaan'), 'the new way of working is in the file');
    const moveUp = editor().getByRole('button', { name: 'Siirrä ylös: Toimintatapa 2: Läheinen voi tulla mukaan' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await eventually(
      () => element('Läheinen voi tulla mukaan').order < element('Tapaamme siellä, missä asiakas on').order,
      'the new way of working is first in the file',
    );
    const first = editor().getByRole('textbox', { name: 'Toimintatapa 1', exact: true });
    await eventually(async () => (await first.inputValue()) === 'Läheinen voi tulla mukaan', 'the moved row reads first');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert.match(focused ?? '', /Siirrä (ylös|alas): Toimintatapa 1: Läheinen voi tulla mukaan/, 'the focus stays on the moved row');
  });

  it('"Mistä tämä tuli?" names a principle’s source and its board; axe finds nothing with it open', async () => {
    const toggle = editor().getByRole('button', { name: 'Mistä tämä tuli? (1): Toimintaperiaate 1: Asiakas on oman elämänsä asiantuntija' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const panel = editor().getByTestId('trace-panel');
    const source = panel.getByTestId('trace-source');
    await source.filter({ hasText: 'Persoona: Sanna' }).waitFor();
    assert.match(await source.textContent(), /taulu Käyttäjäpersoonat/, 'the source’s board is named');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with the trace panel open');
    await screenshot(panel, 'trace-panel');
    await toggle.click();
  });

  it('a source is added by keyboard and stored in the phase’s sources', async () => {
    const toggle = editor().getByRole('button', { name: 'Mistä tämä tuli? (0): Vaihe 3: Rinnalla kulkeminen ja seuranta' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = editor().getByTestId('trace-panel');
    await panel.waitFor();
    await page.keyboard.press('Tab');
    await chooseByKeyboard('Ideaseinä: sujuvampi palvelupolku');
    await page.keyboard.press('Tab');
    await chooseByKeyboard('Rinnalla kulkija');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Lisää lähde');
    await page.keyboard.press('Enter');
    const stored = await eventually(
      () => element('Rinnalla kulkeminen ja seuranta').sources.find((s) => s.label === 'Idea: Rinnalla kulkija'),
      'the new source is in the file',
    );
    assert.equal(stored.broken, false);
    assert.ok(stored.board_id && stored.item_id, 'the source points at the idea');
    await panel.getByTestId('trace-source').filter({ hasText: 'Idea: Rinnalla kulkija' }).waitFor();
    await editor().getByRole('button', { name: 'Mistä tämä tuli? (1): Vaihe 3: Rinnalla kulkeminen ja seuranta' }).waitFor();
  });

  it('the idea used as a source says where it was used, and the quality criteria name their model', async () => {
    await openBoard('Ideaseinä: sujuvampi palvelupolku');
    await page.getByRole('button', { name: 'Mistä tämä tuli? (1): Rinnalla kulkija' }).click();
    const used = page.getByTestId('trace-panel').getByTestId('trace-used');
    await used.getByText(`Rinnalla kulkeminen ja seuranta (taulu ${MODEL})`).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the idea wall with a trace panel open');

    await openBoard('Laatukriteerit — aihio');
    const which = page.getByRole('combobox', { name: 'Mihin malliin kriteerit kuuluvat?' });
    assert.equal(await which.evaluate((s) => s.selectedOptions[0].textContent), MODEL, 'the demo criteria belong to the model');
    await which.selectOption({ label: 'Ei mihinkään malliin' });
    const quality = () => boardsOf(exportJson(hub.file), 'quality_criteria').find((b) => b.title === 'Laatukriteerit — aihio');
    await eventually(() => quality().model_id === null, 'the criteria belong to no model in the file');
    await which.selectOption({ label: MODEL });
    await eventually(() => quality().model_id === model().id, 'the criteria belong to the model again');
    await page.getByRole('button', { name: 'Mistä tämä tuli? (1): Kriteeri 1, Asiakastyö' }).click();
    await page.getByTestId('trace-panel').getByText('Persoona: Sanna', { exact: false }).first().waitFor();
    await openBoard(MODEL);
  });

  it('a round opened and closed keeps the comment written during it, and stores a version', async () => {
    const rounds = editor().getByTestId('rounds');
    await rounds.getByRole('button', { name: 'Avaa kierros 3' }).click();
    await rounds.getByText('Kierros 3 on auki.', { exact: false }).waitFor();
    const comments = page.locator('.board-comments');
    await comments.getByTestId('comment-count').first().click();
    await comments.getByRole('textbox', { name: 'Uusi kommentti' }).fill('Mittarit ovat nyt selkeämmät. Kiitos!');
    await comments.getByRole('button', { name: 'Lisää kommentti' }).click();
    const comment = await eventually(
      () => exportJson(hub.file).comments.find((c) => c.text === 'Mittarit ovat nyt selkeämmät. Kiitos!'),
      'the comment is in the file',
    );
    assert.equal(comment.round, 3, 'a comment written while round 3 is open belongs to it');
    const third = rounds.getByTestId('round').filter({ has: page.getByRole('heading', { name: 'Kierros 3 (auki)' }) });
    await third.getByText('Mittarit ovat nyt selkeämmät. Kiitos!').waitFor();
    assert.equal(await third.getByTestId('round-count').textContent(), '1 kommentti');
    await rounds.getByRole('button', { name: 'Sulje kierros' }).click();
    const closed = await eventually(() => model().rounds.find((r) => r.number === 3 && !r.open), 'round 3 is closed in the file');
    assert.equal(closed.version, `${MODEL} – kierros 3`);
    const versions = spawnSync(cliBin, ['version', 'list', hub.file], { encoding: 'utf8' });
    assert.equal(versions.status, 0, versions.stderr);
    assert.match(versions.stdout, /Rinnalla kulkien – kierros 3/, 'closing the round stored a named version');
    await rounds.getByRole('heading', { name: 'Kierros 3 (suljettu)' }).waitFor();
    const done = rounds.getByTestId('round').filter({ has: page.getByRole('heading', { name: 'Kierros 3 (suljettu)' }) });
    await done.getByRole('heading', { name: 'Mitä muuttui kierroksen jälkeen' }).waitFor();
  });

  it('when the persona is deleted, its link shows as broken, not hidden', async () => {
    await openBoard('Käyttäjäpersoonat');
    await page.locator('.persona-list').getByRole('button', { name: 'Sanna' }).click();
    await page.getByRole('button', { name: 'Poista persoona' }).click();
    await eventually(() => element('Asiakas on oman elämänsä asiantuntija').sources[0]?.broken, 'the source is broken in the file');
    await openBoard(MODEL);
    const toggle = editor().getByRole('button', { name: /^Mistä tämä tuli\? \(1\) – Linkki katki: Toimintaperiaate 1/ });
    await toggle.click();
    const source = editor().getByTestId('trace-panel').getByTestId('trace-source');
    await source.filter({ hasText: 'Linkki katki' }).waitFor();
    assert.match(await source.textContent(), /Poistettu: Persoona: Sanna/, 'the old label stays, marked deleted');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing with a broken link shown');
  });
});
