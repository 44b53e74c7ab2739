// The scripted session: a facilitator and three participants — two desktop cores
// (`paja join --script`) and one browser in Chromium — run through silent writing,
// the reveal, clustering, hidden voting, revealing the results, a café round change
// and the evaluation, against a real `paja serve` hub. After every step the hub's
// stored file is read back (`paja export json`) and checked; axe checks each screen
// the browser participant sees, and the facilitator's tools are never among them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, demoWorkshop, eventually, exportJson, keptAnswers, openBrowser, screenshot, serveWorkshop, stopAll, tabTo, tempDir } from './harness.mjs';
import { ScriptedCore } from './script.mjs';

const stored = (hub) => exportJson(hub.file);
const boardIn = (doc, id) => doc.boards.find((b) => b.id === id);
const ideaNames = (doc, id) => boardIn(doc, id).ideas.map((i) => i.name).sort();

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core finds nothing: ${where}`);
}

/** Everything the session shares between its steps, filled in `before`. */
const s = {};

describe('a scripted session: facilitator, two desktop participants and a browser', { timeout: 600000 }, () => {
  before(async () => {
    s.hub = await serveWorkshop(demoWorkshop());
    const dir = tempDir();
    const addr = s.hub.url;
    s.code = s.hub.code;
    s.facilitator = await new ScriptedCore(addr, join(dir, 'ohjaaja.paja'), ['--token', s.hub.lines['facilitator-token'], '--name', 'Ohjaaja']).connected();
    s.aino = await new ScriptedCore(addr, join(dir, 'aino.paja'), ['--code', s.code, '--name', 'Aino']).connected();
    s.pekka = await new ScriptedCore(addr, join(dir, 'pekka.paja'), ['--code', s.code, '--name', 'Pekka']).connected();
    const demo = stored(s.hub);
    s.cafe = demo.boards.find((b) => b.kind === 'cafe');
    s.form = demo.boards.find((b) => b.kind === 'evaluation');
    s.session = s.cafe.session_id;
    s.wall = await s.facilitator.execute({ cmd: 'create_board', kind: 'idea_wall', title: 'Ideat tänään', session_id: s.session, starter: false });
    s.wall = s.wall.id;
    await s.facilitator.execute({ cmd: 'allow_browsers', on: true });
    const { page } = await openBrowser();
    s.page = page;
  });
  after(async () => {
    // PAJA_E2E_LOG=1 shows what the hub said, to read a failure by.
    if (process.env.PAJA_E2E_LOG) console.log(s.hub?.log());
    await stopAll();
  });

  it('a browser joins from the join link after reading, in plain words, what it shares and with whom', async () => {
    const { page, hub } = s;
    await page.goto(hub.join);
    await page.getByTestId('join-heading').waitFor();
    assert.ok(!page.url().includes('key='), 'the link’s key leaves the address bar');
    const text = await page.locator('main').innerText();
    assert.match(text, /Jaat sen, mitä kirjoitat, ja nimesi\./);
    assert.match(text, /Ne näkevät ohjaaja ja muut tähän työpajaan liittyneet\./);
    assert.match(text, /kulkevat salattuina/);
    assert.match(text, /ohjaajan tietokoneelle/);
    await noAxeViolations(page, 'the join page');
    await screenshot(page, 'join-page');
    await page.getByLabel('Nimesi').fill('Selma Öhman');
    await page.getByTestId('join-button').click();
    await page.getByTestId('workshop-title').waitFor();
    const doc = await eventually(() => {
      const d = stored(hub);
      return d.control.people.some((p) => p.name === 'Selma Öhman') && d;
    }, 'the browser participant is on the roster');
    s.selma = doc.control.people.find((p) => p.name === 'Selma Öhman');
    assert.equal(s.selma.role, 'participant', 'a browser joins as a participant');
    assert.equal(await page.getByTestId('facilitator-bar').count(), 0, 'no facilitator tools for a browser participant');
  });

  it('the facilitator’s tools in a browser: the next step, a countdown, bring everyone here, lock', async () => {
    const { hub, page } = s;
    const { page: lead } = await openBrowser(hub.page);
    s.lead = lead;
    await lead.getByTestId('facilitator-bar').waitFor();
    await screenshot(lead, 'facilitator-bar');
    // Every group of tools open, each opened from the keyboard, for axe to see them all.
    for (const group of await lead.locator('.facil-group > summary').all()) {
      await group.focus();
      await lead.keyboard.press('Enter');
    }
    await lead.getByRole('group', { name: 'Pienryhmät' }).waitFor();
    await noAxeViolations(lead, 'the facilitator’s tools, every group open');

    await lead.getByRole('button', { name: /Seuraava vaihe/ }).click();
    const step = await eventually(() => stored(hub).control.current_step, 'the room is on a step');
    const title = stored(hub).sessions.flatMap((x) => x.steps).find((x) => x.id === step).title;
    await page.getByTestId('step-now').filter({ hasText: title }).waitFor();

    await lead.getByLabel('Minuutit').fill('1');
    await lead.getByRole('button', { name: 'Käynnistä ajastin' }).click();
    await eventually(() => stored(hub).control.timer?.running, 'the countdown runs in the file');
    await page.getByTestId('countdown').getByRole('timer').waitFor();
    await noAxeViolations(page, 'a participant during a countdown');

    await lead.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.cafe.id);
    await lead.getByTestId('board-title-heading').waitFor();
    await lead.getByRole('button', { name: 'Tuo kaikki tänne' }).click();
    await eventually(() => stored(hub).control.follow?.board === s.cafe.id, 'Follow names the café board');
    await page.getByTestId('board-title-heading').filter({ hasText: s.cafe.title }).waitFor();

    await lead.getByRole('button', { name: 'Lukitse taulu' }).click();
    await eventually(() => stored(hub).control.locked.includes(s.cafe.id), 'the café board is locked in the file');
    await page.getByTestId('board-locked').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Uusi piste' }).isDisabled(), 'a participant cannot edit a locked board');
    await noAxeViolations(page, 'a participant on a locked board');

    await s.facilitator.execute({ cmd: 'start_timer', seconds: 2 });
    await page.getByTestId('timer-ended').filter({ hasText: 'Aika loppui!' }).waitFor();
    assert.equal(await page.getByTestId('timer-ended').getAttribute('aria-live'), 'assertive', 'the end is announced, not only shown');
    assert.match(await page.getByRole('timer').innerText(), /0:00/);

    await lead.getByRole('button', { name: 'Avaa taulun lukitus' }).click();
    await lead.getByRole('button', { name: 'Lopeta seuraaminen' }).click();
    await lead.getByRole('button', { name: 'Pysäytä ajastin' }).click();
    await eventually(() => {
      const c = stored(hub).control;
      return !c.follow && !c.locked.includes(s.cafe.id) && !c.timer?.running;
    }, 'follow, lock and timer are off again');
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByTestId('workshop-title').waitFor();
  });

  it('bring everyone here: a participant’s causal map takes the facilitator’s zoom and place', async () => {
    const { hub, page, lead } = s;
    const map = stored(hub).boards.find((b) => b.kind === 'causal_map');
    await lead.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), map.id);
    await lead.locator('.react-flow__viewport').waitFor();
    const transform = (p) => p.locator('.react-flow__viewport').evaluate((el) => el.style.transform);
    const settled = async (p) => {
      let last = '';
      return eventually(async () => {
        const now = await transform(p);
        const same = now === last;
        last = now;
        return same && now;
      }, 'the view stopped moving');
    };
    await settled(lead);
    await lead.getByRole('button', { name: 'Suurenna' }).click();
    await lead.getByRole('button', { name: 'Suurenna' }).click();
    const wanted = await settled(lead);
    await lead.getByRole('button', { name: 'Tuo kaikki tänne' }).click();
    const follow = await eventually(() => stored(hub).control.follow, 'Follow is in the file');
    assert.equal(follow.board, map.id);
    await page.getByTestId('board-title-heading').filter({ hasText: map.title }).waitFor();
    await eventually(async () => (await transform(page)) === wanted, `the participant’s view is the facilitator’s (${wanted})`);
    assert.match(await page.locator('.following').innerText(), /Seuraat ohjaajan näkymää/);
    await lead.getByRole('button', { name: 'Lopeta seuraaminen' }).click();
    await eventually(() => !stored(hub).control.follow, 'Follow is off');
  });

  it('silent writing: cards stay with their writers until the facilitator reveals them all at once', async () => {
    const { hub, page } = s;
    await s.facilitator.execute({ cmd: 'go_to_step', session: s.session, step: stored(hub).sessions.find((x) => x.id === s.session).steps[0].id });
    await s.facilitator.execute({ cmd: 'start_silent', board: s.wall, anonymous: true });
    await s.facilitator.execute({ cmd: 'start_timer', seconds: 300 });
    await page.getByTestId('silent-panel').waitFor();
    assert.match(await page.getByTestId('silent-panel').innerText(), /Vain sinä näet nämä/);
    await page.getByTestId('countdown').getByRole('timer').waitFor();

    await s.aino.sees((c) => c.silent?.board === s.wall, 'the silent round');
    await s.pekka.sees((c) => c.silent?.board === s.wall, 'the silent round');
    await s.aino.execute({ cmd: 'write_draft', board: s.wall, text: 'Yksi yhteyshenkilö' });
    await s.aino.execute({ cmd: 'write_draft', board: s.wall, text: 'Tieto kulkee luvalla' });
    await s.pekka.execute({ cmd: 'write_draft', board: s.wall, text: 'Palvelu myös ruotsiksi' });
    // From the keyboard only, from the top of the page: Tab to the new card, type, Tab to the button, Enter.
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByTestId('workshop-title').waitFor();
    await page.locator('.settings-bar').click({ position: { x: 5, y: 5 } });
    await tabTo(page, '[data-testid="draft-text"]');
    await page.keyboard.type('Vertaistuki jonoon');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Lisää kortti');
    await page.keyboard.press('Enter');
    await page.getByTestId('my-drafts').getByRole('listitem').first().waitFor();
    // A reload (or a dropped connection) loses nothing: the card stays in this browser,
    // and the page comes back as the same person.
    await page.reload();
    await page.getByTestId('my-drafts').getByRole('listitem').first().waitFor();
    assert.equal(stored(hub).control.people.filter((p) => p.name === 'Selma Öhman').length, 1, 'the browser came back as the same person');
    await noAxeViolations(page, 'silent writing');
    await screenshot(page.getByTestId('silent-panel'), 'silent-writing');

    const before = stored(hub);
    assert.deepEqual(ideaNames(before, s.wall), [], 'no draft reaches the hub before the reveal');
    assert.equal((await s.aino.localView()).drafts.length, 2, 'Aino’s drafts are in her own file');

    await s.facilitator.execute({ cmd: 'reveal_silent' });
    const all = ['Palvelu myös ruotsiksi', 'Tieto kulkee luvalla', 'Vertaistuki jonoon', 'Yksi yhteyshenkilö'];
    await eventually(() => JSON.stringify(ideaNames(stored(hub), s.wall)) === JSON.stringify(all), 'all four cards are on the wall', 30000);
    assert.equal((await s.aino.localView()).drafts.length, 0, 'nothing is left in Aino’s drafts');
    await page.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.wall);
    for (const name of all) await page.getByTestId('idea-card').filter({ hasText: name }).first().waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('silent-panel').count(), 0, 'the private panel is gone after the reveal');
  });

  it('clustering: the ideas are grouped and the file holds the groups', async () => {
    const { hub } = s;
    const cluster = await s.facilitator.execute({ cmd: 'add_item', board: s.wall, item: { type: 'Cluster', id: '', name: 'Yhteistyö', order: 1 } });
    const wall = boardIn(stored(hub), s.wall);
    for (const idea of wall.ideas.filter((i) => i.name !== 'Palvelu myös ruotsiksi')) {
      await s.aino.execute({ cmd: 'patch_item', board: s.wall, item_type: 'Idea', id: idea.id, patch: { cluster_id: cluster.id } });
    }
    await eventually(() => boardIn(stored(hub), s.wall).ideas.filter((i) => i.cluster_id === cluster.id).length === 3, 'three ideas in the cluster');
    assert.equal(boardIn(stored(hub), s.wall).clusters[0].name, 'Yhteistyö');
  });

  it('hidden voting: nobody sees a vote before the reveal, then the ranking shows', async () => {
    const { hub, page } = s;
    await s.facilitator.execute({ cmd: 'start_voting', board: s.wall, budget: 3, hidden: true });
    const ideas = boardIn(stored(hub), s.wall).ideas;
    const id = (name) => ideas.find((i) => i.name === name).id;
    await s.aino.sees((c) => c.voting?.board === s.wall, 'the voting round');
    await s.pekka.sees((c) => c.voting?.board === s.wall, 'the voting round');
    await s.aino.execute({ cmd: 'cast_vote', board: s.wall, idea: id('Yksi yhteyshenkilö') });
    await s.aino.execute({ cmd: 'cast_vote', board: s.wall, idea: id('Yksi yhteyshenkilö') });
    await s.pekka.execute({ cmd: 'cast_vote', board: s.wall, idea: id('Yksi yhteyshenkilö') });
    await s.pekka.execute({ cmd: 'cast_vote', board: s.wall, idea: id('Palvelu myös ruotsiksi') });

    // Opened from the board list, as a person would; a reload would join again as someone new.
    await page.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.wall);
    await page.getByTestId('votes-left').waitFor();
    const card = page.locator(`[data-idea-id="${id('Vertaistuki jonoon')}"]`);
    await card.getByRole('button', { name: /Anna ääni/ }).click();
    await page.getByTestId('votes-left').filter({ hasText: '2 / 3' }).waitFor();
    assert.equal(await card.getByTestId('vote-count').innerText(), 'Ääniä: piilossa', 'counts are hidden before the reveal');
    assert.equal(await card.getByTestId('my-votes').innerText(), 'Sinun äänesi: 1', 'my own dot shows to me');
    await noAxeViolations(page, 'hidden voting');
    await screenshot(page, 'voting-hidden');

    assert.equal(boardIn(stored(hub), s.wall).votes.length, 0, 'no vote is in the hub’s file before the reveal');
    const ainoSees = boardIn(await s.aino.view(), s.wall);
    assert.equal(ainoSees.votes.length, 0, 'no vote is in a participant’s replica before the reveal');
    assert.match(await s.pekka.refused({ cmd: 'reveal_votes' }), /facilitator/, 'a participant’s core refuses to reveal, in one sentence');

    await s.lead.getByRole('button', { name: 'Näytä äänet' }).click();
    const revealed = await eventually(() => {
      const w = boardIn(stored(hub), s.wall);
      return w.votes.length === 5 && w;
    }, 'all five dots are in the file after the reveal', 30000);
    assert.ok(revealed.votes.every((v) => v.voter === null), 'no dot names its voter');
    assert.equal(revealed.ranking[0].idea_id, id('Yksi yhteyshenkilö'), 'the idea with three dots ranks first');
    assert.equal(revealed.ranking[0].votes, 3);
    await page.getByTestId('ranking').waitFor();
    assert.match(await page.getByTestId('ranking').innerText(), /Yksi yhteyshenkilö\s+3/);
    await s.facilitator.execute({ cmd: 'patch_item', board: s.wall, item_type: 'Idea', id: id('Yksi yhteyshenkilö'), patch: { experiment: true } });
    await eventually(() => boardIn(stored(hub), s.wall).ideas.find((i) => i.id === id('Yksi yhteyshenkilö')).experiment, 'the winner is marked as an experiment');
    await s.facilitator.execute({ cmd: 'end_voting' });
  });

  it('café: on the next round the browser’s view moves to its group’s next station by itself', async () => {
    const { hub, page } = s;
    const groups = [...s.cafe.groups].sort((a, b) => a.order - b.order);
    await s.facilitator.execute({ cmd: 'assign_cafe_group', person: s.selma.id, group: groups[1].id });
    await s.facilitator.execute({ cmd: 'start_cafe', board: s.cafe.id });
    const question = (round) => {
      const cafe = boardIn(stored(hub), s.cafe.id);
      return cafe.stations.find((st) => st.id === cafe.rotation[round - 1][1]).question;
    };
    await eventually(() => stored(hub).control.cafe?.round === 1, 'round 1 in the file');
    await page.getByTestId('cafe-question').filter({ hasText: question(1) }).waitFor();
    await page.getByTestId('board-title-heading').filter({ hasText: s.cafe.title }).waitFor();
    assert.match(await page.getByTestId('cafe-place').innerText(), /Puolukat/);
    await noAxeViolations(page, 'café round 1');

    await s.lead.getByRole('button', { name: 'Seuraava kierros' }).click();
    await eventually(() => stored(hub).control.cafe?.round === 2, 'round 2 in the file');
    await page.getByTestId('cafe-question').filter({ hasText: question(2) }).waitFor();
    assert.notEqual(question(1), question(2), 'the group moved to another station');
    await screenshot(page.getByTestId('cafe-run'), 'cafe-run');
  });

  it('spotlight and a locked card: the facilitator picks a card in the list, everyone sees it marked', async () => {
    const { hub, page, lead } = s;
    const idea = boardIn(stored(hub), s.wall).ideas.find((i) => i.name === 'Tieto kulkee luvalla');
    for (const p of [lead, page]) await p.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.wall);
    await lead.getByRole('button', { name: 'Lista' }).click();
    await lead.locator(`[data-item-id="${idea.id}"] input[type="checkbox"]`).check();
    await lead.getByRole('button', { name: 'Nosta valittu kortti esiin' }).click();
    await eventually(() => stored(hub).control.spotlight === idea.id, 'the spotlight is in the file');
    await page.getByTestId('spotlight-note').filter({ hasText: 'Tieto kulkee luvalla' }).waitFor();
    await page.locator(`[data-idea-id="${idea.id}"].spotlit`).waitFor();

    await lead.getByRole('button', { name: 'Lukitse valitut (1)' }).click();
    await eventually(() => stored(hub).control.locked.includes(idea.id), 'the card is locked in the file');
    const card = page.locator(`[data-idea-id="${idea.id}"].item-locked`);
    await card.waitFor();
    assert.ok(await card.getByLabel('Idean nimi?').isDisabled(), 'a participant cannot edit a locked card');
    await noAxeViolations(page, 'a spotlighted, locked card');

    await lead.getByRole('button', { name: 'Avaa valittujen lukitus (1)' }).click();
    await lead.getByRole('button', { name: 'Lopeta esiin nosto' }).click();
    await eventually(() => {
      const c = stored(hub).control;
      return !c.spotlight && !c.locked.includes(idea.id);
    }, 'spotlight and lock are off again');
    await page.locator(`[data-idea-id="${idea.id}"]:not(.item-locked)`).waitFor();
  });

  it('evaluation: answers are anonymous, and results are by respondent group', async () => {
    const { hub, page } = s;
    const before = boardIn(stored(hub), s.form.id).answers.length;
    const item = s.form.items[0].id;
    await s.facilitator.execute({ cmd: 'open_evaluation', board: s.form.id });
    await s.aino.sees((c) => c.evaluation === s.form.id, 'the open form');
    await s.pekka.sees((c) => c.evaluation === s.form.id, 'the open form');
    await s.aino.execute({ cmd: 'answer_evaluation', board: s.form.id, group: 'client', answers: [{ item, value: 5, second: null, text: '' }] });
    await s.pekka.execute({ cmd: 'answer_evaluation', board: s.form.id, group: 'professional', answers: [{ item, value: 4, second: null, text: '' }] });
    const panel = page.getByTestId('evaluation-panel');
    await panel.waitFor();
    await panel.getByRole('radio', { name: 'Asiakas' }).check();
    const likert = panel.getByTestId('likert').first();
    await likert.getByRole('radio', { name: /^4/ }).check();
    await panel.getByRole('button', { name: 'Lähetä vastaukset' }).click();
    await panel.getByRole('status').filter({ hasText: 'Kiitos' }).waitFor();
    await noAxeViolations(page, 'the evaluation form');
    await screenshot(page.getByTestId('evaluation-panel'), 'evaluation-run');
    await s.facilitator.execute({ cmd: 'close_evaluation' });
    const kept = await eventually(() => {
      const rows = keptAnswers(hub.file);
      return rows.length === 3 && rows;
    }, 'the hub keeps the three answers', 30000);
    assert.ok(kept.every((a) => Object.keys(a).sort().join() === 'group,id,item,released,second,text,value'), 'a kept answer holds no respondent');
    const form = await eventually(() => {
      const f = boardIn(stored(hub), s.form.id);
      return f.published.length > 0 && f;
    }, 'the results are published when the form closes', 30000);
    assert.equal(form.answers.length, before, 'no raw answer is written into the shared workshop');
    // The results, by respondent group, on the form's board (a group under five is not shown apart).
    await page.evaluate((id) => (window.location.hash = `#/board/${encodeURIComponent(id)}`), s.form.id);
    const first = form.results.find((r) => r.item_id === item);
    const row = page.getByTestId('results').getByRole('row').filter({ hasText: s.form.items[0].text });
    await row.filter({ hasText: String(first.count) }).waitFor();
    await noAxeViolations(page, 'the results by group');
    assert.equal(await page.getByTestId('facilitator-bar').count(), 0, 'still no facilitator tools for the browser');
    assert.deepEqual(page.errors, [], 'the page threw no errors');
  });

  it('small groups get their own copy of a board, and the memo is drafted and edited on the home page', async () => {
    const { hub, lead } = s;
    const persona = stored(hub).boards.find((b) => b.kind === 'persona');
    await lead.evaluate(() => (window.location.hash = '#/'));
    await lead.getByTestId('workshop-title').waitFor();
    await lead.getByLabel('Ryhmän koko').selectOption('3');
    await lead.getByLabel('Oma kopio taulusta').selectOption({ label: persona.title });
    await lead.getByRole('button', { name: 'Jaa ryhmiin' }).click();
    const doc = await eventually(() => {
      const d = stored(hub);
      return d.control.groups.length > 0 && d;
    }, 'the groups are in the file');
    const people = doc.control.people.filter((p) => p.role === 'participant').map((p) => p.id).sort();
    assert.deepEqual(doc.control.groups.flatMap((g) => g.members).sort(), people, 'every participant is in exactly one group');
    for (const group of doc.control.groups) {
      const copy = boardIn(doc, group.board);
      assert.equal(copy?.kind, 'persona', `${group.name} has its own persona board`);
    }

    await lead.getByRole('button', { name: 'Tee muistion luonnos' }).click();
    const memo = await eventually(() => stored(hub).sessions.find((x) => x.id === s.session).memo, 'a memo is drafted');
    const field = lead.getByLabel(`Muistio: ${stored(hub).sessions.find((x) => x.id === s.session).title}`);
    await field.fill(`${memo}\nSovittiin: kokeillaan yhtä yhteyshenkilöä.`);
    await field.press('Tab');
    await eventually(() => stored(hub).sessions.find((x) => x.id === s.session).memo.endsWith('Sovittiin: kokeillaan yhtä yhteyshenkilöä.'), 'the edited memo is in the file');
    await noAxeViolations(lead, 'the workshop home with memos and the facilitator’s tools');
    assert.deepEqual(lead.errors, [], 'the facilitator’s page threw no errors');
  });
});
