// The start screen in the real desktop window, from a fresh home folder: started with
// no file, the window shows the start screen; a new workshop is made there; a file
// the core refuses, opened as a person opens it (from the recent list, or by a
// double-click, which starts the app with the file), is named in one Finnish sentence
// and stays byte-identical, and the app keeps working.
//
// Run by `make test-e2e` after window.test.mjs; the same environment variables apply.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, buttonByText, freshMachine } from './desktop.mjs';

/** The file and its side files as they are on disk now. */
function onDisk(path) {
  return {
    bytes: readFileSync(path).toString('base64'),
    wal: existsSync(`${path}-wal`),
    shm: existsSync(`${path}-shm`),
  };
}

/** A copy of a real workshop file whose SQLite header says it is from a newer Paja:
 * the schema version (user_version, at byte 60, big-endian) raised to 99. */
function fromTheFuture(source, path) {
  const bytes = readFileSync(source);
  bytes.writeUInt32BE(99, 60);
  writeFileSync(path, bytes);
}

describe('start screen', { timeout: 180000 }, () => {
  let machine;
  let work;
  let home;
  let session;

  before(async () => {
    machine = await freshMachine('paja-start-');
    ({ work, home } = machine);
  });

  after(() => machine?.close());

  /** Starts the app as a person would: from the menu (no arguments) or by a double-click on a file. */
  async function startApp(args = []) {
    session = await machine.open(args);
  }

  function textOf(css) {
    return session.waitFor(`return document.querySelector(${JSON.stringify(css)})?.textContent;`, { what: css });
  }

  /** Makes a new workshop from the start screen's form, as a person would, and waits for it. */
  async function newWorkshop(title) {
    await session.sendKeys(await session.findElement('[data-testid="new-workshop-title"]'), title);
    await session.click(await buttonByText(session, 'Luo työpaja'));
    await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent === ${JSON.stringify(title)};`, {
      what: `the new workshop ${title}`,
    });
  }

  /** The one sentence the start screen says about a refused file. */
  async function refusal() {
    await session.waitFor(`return document.querySelector('[data-testid="start-refusal"]');`, { what: 'the refusal on the start screen' });
    return session.execute(`return [...document.querySelectorAll('[data-testid="start-refusal"] p')].map((p) => p.textContent);`);
  }

  it('shows the start screen from a fresh home, with nothing axe-core finds', async () => {
    await startApp();
    assert.equal(await textOf('h1'), 'Työpajat', 'with no file the window opens on the start screen');
    await session.waitFor(`return document.body.textContent.includes('Et ole vielä avannut työpajoja.');`, { what: 'the empty recent list' });
    assert.deepEqual(await axeViolations(session), [], 'axe finds nothing on the start screen');
  });

  it('makes a new workshop from the PAKU template into the documents folder, and lists it as recent', async () => {
    await newWorkshop('Ikkunan työpaja');
    const file = join(home, 'Paja', 'Ikkunan työpaja.paja');
    assert.ok(existsSync(file), `the workshop is a file named after its title in ${join(home, 'Paja')}`);
    const sessions = await session.execute(`return document.querySelectorAll('article.session').length;`);
    assert.equal(sessions, 10, 'the PAKU template brings its ten sessions');
    await session.click(await session.findElement('[data-testid="workshops"]'));
    assert.equal(await textOf('[data-testid="open-title"]'), 'Ikkunan työpaja', 'the start screen shows the open workshop');
    assert.deepEqual(await axeViolations(session), [], 'axe finds nothing on the start screen with a workshop open');
    await session.click(await buttonByText(session, 'Sulje työpaja'));
    await session.waitFor(`return !document.querySelector('[data-testid="open-title"]');`, { what: 'the workshop closed' });
    const recent = await session.execute(`return [...document.querySelectorAll('[data-testid="recent-workshop"] .recent-title')].map((e) => e.textContent);`);
    assert.deepEqual(recent, ['Ikkunan työpaja'], 'the workshop is in the recent list');
    await session.click(await session.findElement('[data-testid="recent-workshop"]'));
    await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent === 'Ikkunan työpaja';`, {
      what: 'the workshop reopened from the recent list',
    });
    assert.equal(await session.execute(`return document.querySelectorAll('article.session').length;`), 10, 'reopened with the same sessions');
    await session.click(await session.findElement('[data-testid="workshops"]'));
    await session.click(await buttonByText(session, 'Sulje työpaja'));
    await session.waitFor(`return !document.querySelector('[data-testid="open-title"]');`, { what: 'the workshop closed again' });
  });

  it('names a damaged file opened from the recent list in one Finnish sentence, leaves it untouched, and keeps working', async () => {
    const file = join(home, 'Paja', 'Ikkunan työpaja.paja');
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = onDisk(file);
    await session.click(await session.findElement('[data-testid="recent-workshop"]'));
    assert.deepEqual(await refusal(), ['Tiedostoa Ikkunan työpaja.paja ei voi avata, koska se on vaurioitunut.'], 'one Finnish sentence names the file');
    assert.deepEqual(onDisk(file), before, 'the file is byte-identical, with no write-ahead log made beside it');
    await newWorkshop('Toinen työpaja');
    assert.ok(existsSync(join(home, 'Paja', 'Toinen työpaja.paja')), 'a new workshop works after the refusal');
    writeFileSync(join(work, 'whole.paja'), whole);
  });

  it('names a file from a newer Paja opened by a double-click in one Finnish sentence, and keeps working', async () => {
    const file = join(work, 'Tulevaisuus.paja');
    fromTheFuture(join(work, 'whole.paja'), file);
    const before = onDisk(file);
    await startApp([file]);
    assert.deepEqual(
      await refusal(),
      ['Tiedosto Tulevaisuus.paja on uudemmasta Pajasta. Tämä Paja ei voi avata sitä.'],
      'one Finnish sentence names the file',
    );
    assert.equal(await textOf('h1'), 'Työpajat', 'the refusal is on the start screen');
    assert.deepEqual(onDisk(file), before, 'the file is byte-identical, with no write-ahead log made beside it');
    await session.click(await buttonByText(session, 'Kokeile esimerkkiä'));
    await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]');`, { what: 'the example workshop' });
    assert.ok(existsSync(join(home, '.data', 'paja', 'demo.paja')), 'the example is written to the data folder');
  });
});
