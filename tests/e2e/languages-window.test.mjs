// Languages in the real desktop window: in Swedish and in English, no Finnish UI
// sentence is left on the screens only the window has (the start screen, the
// workshop page with its open comments, the Vie dialog, the versions and their
// comparison). The browser's screens are checked in languages.test.mjs.
//
// Run by `make test-e2e`; the environment variables of desktop.mjs apply.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliBin, freshMachine } from './desktop.mjs';
import { contentOf, finnishLeft, tables, visibleTexts } from './i18n.mjs';

const ESCAPE = '\uE00C';

/** The window's screens, each reached from the one before. Add new ones here. */
const SCREENS = [
  { name: 'the start screen', show: () => toStartScreen() },
  { name: 'the workshop page', show: () => click('continue-workshop').then(() => session.findElement('[data-testid="workshop-title"]')) },
  { name: 'the Vie dialog', show: () => click('export-open').then(() => session.findElement('[data-testid="export-path"]')) },
  { name: 'the versions', show: () => closeDialog().then(() => click('versions-open')).then(() => session.findElement('[data-testid="versions-list"]')) },
  { name: 'the comparison', show: () => click('compare-show').then(() => session.findElement('[data-testid="diff"]')) },
];

let session;
let home;

async function click(testId) {
  await session.click(await session.findElement(`[data-testid="${testId}"]`));
}

async function closeDialog() {
  await session.sendKeys(await session.findElement('[role="dialog"] button'), ESCAPE);
  await session.waitFor(`return !document.querySelector('[role="dialog"]');`, { what: 'the dialog closed' });
}

async function toStartScreen() {
  if (await session.execute(`return !!document.querySelector('[data-testid="start-screen"]');`)) return;
  if (await session.execute(`return !!document.querySelector('[role="dialog"]');`)) await closeDialog();
  await click('workshops');
  await session.findElement('[data-testid="start-screen"]');
}

/** What the demo workshop holds: its Finnish is the participants' own words. */
function demoContent() {
  const out = join(home, 'demo.json');
  const run = spawnSync(cliBin, ['export', 'json', join(home, '.data', 'paja', 'demo.paja'), '-o', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, `paja export failed: ${run.stderr}`);
  return contentOf(JSON.parse(readFileSync(out, 'utf8')));
}

describe('languages in the window', { timeout: 300000 }, () => {
  let machine;

  before(async () => {
    machine = await freshMachine('paja-languages-');
    home = machine.home;
    session = await machine.open(['--demo']);
    await session.findElement('[data-testid="workshop-title"]');
    await click('versions-open');
    await session.sendKeys(await session.findElement('[data-testid="version-name"]'), 'Luonnos A');
    await session.click(await session.findElement('[data-testid="versions-dialog"] button[type="submit"]'));
    await session.waitFor(`return document.querySelector('[data-testid="versions-list"]')?.textContent.includes('Luonnos A');`, { what: 'the version' });
    await closeDialog();
  });

  after(() => machine?.close());

  for (const lang of ['sv', 'en']) {
    it(`shows no Finnish UI sentence in ${lang} on the window's own screens`, async () => {
      await toStartScreen();
      await session.click(await session.findElement(`[data-testid="language"] option[value="${lang}"]`));
      await session.waitFor(`return document.documentElement.lang === ${JSON.stringify(lang)};`, { what: `the window in ${lang}` });
      const content = demoContent();
      const left = [];
      for (const screen of SCREENS) {
        await screen.show();
        const texts = await session.execute(`return ${visibleTexts};`);
        assert.ok(texts.includes(tables[lang]['settings.language']), `${screen.name} is read, in ${lang}: ${texts.slice(0, 5)}`);
        left.push(...finnishLeft(texts, lang, content).map((f) => `${screen.name}: ${f}`));
      }
      assert.deepEqual(left, [], `Finnish left in ${lang}`);
    });
  }
});
