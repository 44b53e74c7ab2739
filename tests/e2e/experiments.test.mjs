// Experiments (kokeilut) in Chromium against a real `paja serve`: the demo's
// experiment is listed on the workshop page with its plan; its run and decision are
// set by keyboard, and a newly chosen idea joins the list. The file is checked after.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, boardsOf, demoWorkshop, eventually, exportJson, openBrowser, screenshot, serveWorkshop, stopAll } from './harness.mjs';

describe('experiments in the browser', { timeout: 180000 }, () => {
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

  const idea = (name) => boardsOf(exportJson(hub.file), 'idea_wall').flatMap((b) => b.ideas).find((i) => i.name === name);

  it('lists the demo experiments with their plans, and axe finds nothing', async () => {
    await page.goto(`${hub.page}#/`);
    const list = page.getByTestId('experiments');
    await list.getByRole('heading', { name: 'Kokeilut' }).waitFor();
    const companion = list.getByTestId('experiment').filter({ hasText: 'Rinnalla kulkija' });
    assert.equal(await companion.getByRole('textbox', { name: 'Missä kokeillaan?' }).inputValue(), 'Kirkonkylän sosiaalitoimisto');
    assert.equal(await companion.getByLabel('Alkaa').inputValue(), '2026-02-01');
    assert.ok(await companion.getByRole('radio', { name: 'Valmis' }).isChecked(), 'the demo companion experiment is done');
    assert.ok(await companion.getByRole('radio', { name: 'Jatkamme' }).isChecked(), 'and kept in the model');
    const meeting = list.getByTestId('experiment').filter({ hasText: 'Yhteinen alkutapaaminen' });
    assert.ok(await meeting.getByRole('radio', { name: 'Käynnissä' }).isChecked(), 'the other demo experiment is running');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the workshop page with its experiments');
    await screenshot(list, 'experiments');
  });

  it('a facilitator closes an experiment by keyboard: status done, what was learnt, and the decision', async () => {
    const meeting = page.getByTestId('experiment').filter({ hasText: 'Yhteinen alkutapaaminen' });
    await meeting.getByRole('radio', { name: 'Käynnissä' }).focus();
    await page.keyboard.press('ArrowRight');
    await eventually(() => idea('Yhteinen alkutapaaminen').status === 'done', 'the arrow key moved the status on to Valmis');
    const outcome = meeting.getByRole('textbox', { name: 'Mitä opimme?' });
    await outcome.focus();
    await page.keyboard.type('Soitot perään auttoivat. Työaikaa kului enemmän.');
    await page.keyboard.press('Tab');
    await eventually(() => idea('Yhteinen alkutapaaminen').outcome.startsWith('Soitot perään'), 'the outcome is stored when the field is left');
    await meeting.getByRole('radio', { name: 'Muutamme ja kokeilemme uudelleen' }).focus();
    await page.keyboard.press('Space');
    await eventually(() => idea('Yhteinen alkutapaaminen').decision === 'change', 'the decision is stored');
  });

  it('an idea marked "Kokeillaan tätä" on the wall joins the list', async () => {
    await page.getByRole('button', { name: 'Avaa: Ideaseinä: sujuvampi palvelupolku' }).click();
    const card = page.getByTestId('idea-card').filter({ hasText: 'Asioinnin muistilista' });
    // The box shows what the core holds, so it turns on once the core has the change.
    await card.getByRole('checkbox', { name: 'Kokeillaan tätä' }).click();
    await eventually(() => idea('Asioinnin muistilista').experiment, 'the idea is an experiment in the file');
    await page.goto(`${hub.page}#/`);
    const added = page.getByTestId('experiment').filter({ hasText: 'Asioinnin muistilista' });
    await added.waitFor();
    assert.ok(await added.getByRole('radio', { name: 'Suunniteltu' }).isChecked(), 'a new experiment starts as planned');
  });
});
