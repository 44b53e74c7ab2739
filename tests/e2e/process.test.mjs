// The whole process in the real desktop window, from a home where Paja has never run:
// the start screen, a new PAKU workshop, the plan edited, a persona, a named version,
// a later change and the comparison, a comment made and resolved, the report and the
// poster through the Vie dialog, and the workshop reopened from the recent list. Only
// the keyboard and the mouse drive the window; the file is read with the paja CLI and
// the PDFs with poppler.
//
// Run by `make test-e2e`; the environment variables of desktop.mjs apply.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, buttonByText, cliBin, exportThroughDialog as exportAs, freshMachine, pdfText, saveScreenshot } from './desktop.mjs';

const TITLE = 'Kotihoidon työpaja';
const SESSION_2 = 'Asiakasymmärrys ja persoonat';
const QUESTION = 'Kenen ääni jää tänään kuulematta?';
const PERSONA = 'Säde Åberg';
const BEFORE = 'Asuu yksin saaristossa.';
const AFTER = 'Muutti kaupunkiin tyttären lähelle.';
const VERSION = 'Malliluonnos 0.1';
const COMMENT = 'Tarkistetaan tämä kokemusasiantuntijoilta.';
// WebDriver key codes: select all (Control+A; released when the keys end), Tab, Escape.
const SELECT_ALL = '\uE009a';
const TAB = '\uE004';
const ESCAPE = '\uE00C';

describe('the whole process in the window', { timeout: 600000 }, () => {
  let machine;
  let work;
  let home;
  let file;
  let session;

  before(async () => {
    machine = await freshMachine('paja-process-');
    ({ work, home } = machine);
    session = await machine.open();
  });

  after(() => machine?.close());

  /** The element `script` returns, once it returns one. */
  async function element(script, what) {
    return Object.values(await session.waitFor(script, { what }))[0];
  }

  /** Clicks a button a person first scrolls to, at the foot of a long dialog. */
  async function scrollAndClick(button) {
    await session.scrollTo(button);
    await session.click(button);
  }

  const byTestId = (id) => element(`return document.querySelector('[data-testid="${id}"]');`, id);

  /** Replaces what the field holds by `text`, as a person would: select all, type, Tab away. */
  async function retype(field, text) {
    await session.click(field);
    await session.sendKeys(field, SELECT_ALL);
    await session.sendKeys(field, `${text}${TAB}`);
  }

  /** What the .paja file holds now, through the CLI's JSON export, once `ready` says so. */
  async function storedWhen(ready, what) {
    const out = join(work, 'stored.json');
    for (let tries = 0; ; tries++) {
      const run = spawnSync(cliBin, ['export', 'json', file, '-o', out], { encoding: 'utf8', timeout: 30000 });
      assert.equal(run.status, 0, `paja export failed: ${run.stderr}`);
      const doc = JSON.parse(readFileSync(out, 'utf8'));
      if (ready(doc)) return doc;
      if (tries > 80) assert.fail(`the file never showed ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const secondSession = (doc) => [...doc.sessions].sort((a, b) => a.order - b.order)[1];
  const personaBoard = (doc) => doc.boards.find((b) => b.kind === 'persona' && !b.archived);
  const persona = (doc) => personaBoard(doc).personas.find((p) => p.name === PERSONA);

  /** Opens the persona board from the workshop page, and the persona's sheet when `sheet`. */
  async function openPersonaBoard({ sheet = false } = {}) {
    const title = personaBoard(await storedWhen(() => true, 'the boards')).title;
    await session.click(await element(`return document.querySelector('button[aria-label=${JSON.stringify(`Avaa: ${title}`)}]');`, 'the persona board'));
    if (!sheet) return;
    const listed = `[...document.querySelectorAll('.persona-list button')].find((b) => b.textContent.includes(${JSON.stringify(PERSONA)}))`;
    await session.click(await element(`return ${listed};`, 'the persona in the list'));
    await byTestId('persona-life_situation');
  }

  async function backToWorkshop() {
    await session.click(await element(`return document.querySelector('button.back');`, 'Takaisin työpajaan'));
    await byTestId('workshop-title');
  }

  const exportThroughDialog = (ending) => exportAs(session, ending);

  it('1. starts on the start screen, with nothing axe-core finds', async () => {
    assert.equal(await session.waitFor(`return document.querySelector('h1')?.textContent;`), 'Työpajat');
    assert.deepEqual(await axeViolations(session), [], 'axe finds nothing on the start screen');
  });

  it('2. makes a new workshop from the PAKU template', async () => {
    await session.sendKeys(await byTestId('new-workshop-title'), TITLE);
    await session.click(await buttonByText(session, 'Luo työpaja'));
    await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent === ${JSON.stringify(TITLE)};`, {
      what: 'the new workshop',
    });
    file = join(home, 'Paja', `${TITLE}.paja`);
    assert.ok(existsSync(file), `the workshop is saved as ${file}`);
    const doc = await storedWhen(() => true, 'the workshop');
    assert.equal(doc.sessions.length, 10, 'the PAKU template brings its ten sessions');
  });

  it('3. renames session 2 and edits a support question of its first step', async () => {
    const second = `document.querySelectorAll('[data-testid="session-editor"]')[1]`;
    await session.click(await element(`return ${second}?.querySelector('[data-testid="session-summary"]');`, 'session 2'));
    await retype(await element(`return ${second}.querySelector('[data-testid="session-title"]');`, 'the session name'), SESSION_2);
    const questions = await element(`return ${second}.querySelector('[data-testid="step-questions"]');`, 'the support questions');
    await retype(questions, QUESTION);
    const doc = await storedWhen((d) => secondSession(d).steps.some((s) => s.questions.includes(QUESTION)), 'the support question');
    assert.equal(secondSession(doc).title, SESSION_2, 'session 2 has its new name in the file');
  });

  it('4. adds a persona with a name', async () => {
    await openPersonaBoard();
    await session.click(await byTestId('persona-add'));
    await session.waitFor(`return document.activeElement?.dataset.testid === 'persona-name';`, { what: 'the new persona’s name field' });
    await retype(await byTestId('persona-name'), PERSONA);
    await retype(await byTestId('persona-life_situation'), BEFORE);
    const doc = await storedWhen((d) => persona(d)?.life_situation === BEFORE, 'the new persona');
    assert.match(await session.text(await byTestId('composite-note')), /\S/, 'the sheet says a persona is a composite');
    assert.ok(persona(doc), 'the persona is in the file by its name');
  });

  it('5. makes the version "Malliluonnos 0.1"', async () => {
    await backToWorkshop();
    await session.click(await byTestId('versions-open'));
    await session.sendKeys(await byTestId('version-name'), VERSION);
    await session.click(await buttonByText(session, 'Tallenna versio', '[data-testid="versions-dialog"]'));
    await session.waitFor(`return document.querySelector('[data-testid="versions-list"]')?.textContent.includes(${JSON.stringify(VERSION)});`, {
      what: 'the version in the list',
    });
    await session.sendKeys(await byTestId('version-name'), ESCAPE);
    await session.waitFor(`return !document.querySelector('[data-testid="versions-dialog"]');`, { what: 'the dialog closed' });
  });

  it('6. changes the persona', async () => {
    await openPersonaBoard({ sheet: true });
    await retype(await byTestId('persona-life_situation'), AFTER);
    await storedWhen((d) => persona(d)?.life_situation === AFTER, 'the changed persona');
  });

  it('7. compares the version with now, and the change is listed', async () => {
    await backToWorkshop();
    await session.click(await byTestId('versions-open'));
    await session.click(await byTestId('compare-show'));
    const listed = await session.waitFor(`return document.querySelector('[data-testid="diff"]')?.textContent;`, { what: 'the comparison' });
    assert.ok(listed.includes(PERSONA), `the changed persona is listed: ${listed}`);
    assert.deepEqual(await axeViolations(session), [], 'axe finds nothing in the comparison');
    await saveScreenshot(session, 'compare-versions');
    await session.sendKeys(await byTestId('compare-show'), ESCAPE);
    await session.waitFor(`return !document.querySelector('[data-testid="versions-dialog"]');`, { what: 'the dialog closed' });
  });

  it('8. comments on the persona, and resolves the comment from the open comments', async () => {
    await openPersonaBoard();
    await session.click(await buttonByText(session, 'Lista'));
    const row = `[...document.querySelectorAll('[data-testid="list-row"]')].find((r) => r.textContent.includes(${JSON.stringify(PERSONA)}))`;
    await session.click(await element(`return ${row}?.querySelector('[data-testid="comment-count"]');`, 'the persona’s comments'));
    await session.sendKeys(await element(`return ${row}.querySelector('[data-testid="comment-text"]');`, 'the comment field'), COMMENT);
    await session.click(await element(`return ${row}.querySelector('[data-testid="comment-add"]');`, 'Lisää kommentti'));
    const doc = await storedWhen((d) => d.comments.some((c) => c.text === COMMENT), 'the comment');
    const comment = doc.comments.find((c) => c.text === COMMENT);
    assert.equal(comment.target_id, persona(doc).id, 'the comment is on the persona');

    await backToWorkshop();
    const shown = `[...document.querySelectorAll('[data-testid="comment-panel"] [data-testid="comment"]')].find((c) => c.textContent.includes(${JSON.stringify(COMMENT)}))`;
    await element(`return ${shown};`, 'the comment among the open comments');
    assert.deepEqual(await axeViolations(session), [], 'axe finds nothing with the open comments');
    await session.click(await element(`return ${shown}.querySelector('[data-testid="comment-resolve"]');`, 'Merkitse ratkaistuksi'));
    await storedWhen((d) => d.comments.find((c) => c.id === comment.id)?.resolved, 'the comment resolved');
    await session.waitFor(`return !(${shown});`, { what: 'the resolved comment gone from the open comments' });
  });

  it('9. exports the report with the changes since the version, and the poster, through the Vie dialog', async () => {
    await session.click(await byTestId('versions-open'));
    await session.click(await byTestId('compare-show'));
    await byTestId('diff');
    await scrollAndClick(await buttonByText(session, 'Vie vertailu raporttiin', '[data-testid="compare"]'));
    await byTestId('export-dialog');
    assert.deepEqual(await axeViolations(session), [], 'axe finds nothing in the Vie dialog');
    const report = pdfText(await exportThroughDialog('.pdf'));
    for (const text of [TITLE, PERSONA, AFTER, SESSION_2, QUESTION, VERSION]) {
      assert.ok(report.includes(text), `the report shows ${text}`);
    }
    await session.click(await element(`return document.querySelector('[data-testid="export-dialog"] input[value="poster"]');`, 'the poster choice'));
    const poster = pdfText(await exportThroughDialog('juliste.pdf'));
    assert.ok(poster.trim().length > 0, 'the poster has text');
    await session.sendKeys(await byTestId('export-start'), ESCAPE);
  });

  it('reopens from the recent workshops as it was left', async () => {
    await session.waitFor(`return !document.querySelector('[role="dialog"]');`, { what: 'no dialog open' });
    await session.click(await byTestId('workshops'));
    await session.click(await buttonByText(session, 'Sulje työpaja'));
    await session.waitFor(`return !document.querySelector('[data-testid="open-title"]');`, { what: 'the workshop closed' });
    await session.click(await byTestId('recent-workshop'));
    await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent === ${JSON.stringify(TITLE)};`, {
      what: 'the workshop reopened',
    });
    const headings = await session.execute(`return [...document.querySelectorAll('[data-testid="session-summary"] h3')].map((h) => h.textContent);`);
    assert.equal(headings[1], SESSION_2, 'session 2 keeps its new name');
    const second = `document.querySelectorAll('[data-testid="session-editor"]')[1]`;
    assert.equal(await session.execute(`return ${second}.querySelector('[data-testid="step-questions"]').value;`), QUESTION, 'the support question is there');
    const open = await session.execute(`return document.querySelector('[data-testid="comment-panel"]').textContent;`);
    assert.ok(!open.includes(COMMENT), 'the resolved comment stays resolved');

    await session.click(await byTestId('versions-open'));
    await session.waitFor(`return document.querySelector('[data-testid="versions-list"]')?.textContent.includes(${JSON.stringify(VERSION)});`, {
      what: 'the version after reopening',
    });
    await session.sendKeys(await byTestId('version-name'), ESCAPE);
    await openPersonaBoard({ sheet: true });
    assert.equal(await session.execute(`return document.querySelector('[data-testid="persona-life_situation"]').value;`), AFTER, 'the persona as changed');
  });
});
