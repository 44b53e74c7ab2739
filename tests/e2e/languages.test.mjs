// Languages in Debian's Chromium against a real `paja serve` on the demo workshop:
// in Swedish and in English, no Finnish UI sentence is left on any screen a browser
// shows (the join page, the workshop page with its plan and open comments, every
// board in its picture and its list, a comment thread); and a refusal on a Finnish
// screen is said in Finnish, never in the core's English. The desktop window's own
// screens are checked the same way in languages-window.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoWorkshop, exportJson, openBrowser, serveWorkshop, stopAll } from './harness.mjs';
import { contentOf, finnishLeft, tables, visibleTexts } from './i18n.mjs';

/** The screens a browser shows, each reached from the page as it is now. Add new ones here. */
const SCREENS = [
  { name: 'the workshop page with the plan open', show: (page) => openEverySession(page) },
  ...['canvas', 'list'].map((mode) => ({ name: `every board (${mode})`, each: 'board', mode })),
  { name: 'a comment thread', show: (page) => openAThread(page) },
];

async function openEverySession(page) {
  await page.goto(hub.page);
  await page.getByTestId('workshop-title').waitFor();
  for (const summary of await page.getByTestId('session-summary').all()) await summary.click();
}

async function openAThread(page) {
  const board = exportJson(hub.file).boards.find((b) => b.kind === 'free' && !b.archived);
  await page.goto(`${hub.page}#/board/${board.id}`);
  await page.getByTestId('board-title-heading').waitFor();
  await page.getByTestId('view-list').click();
  await page.getByTestId('comment-count').first().click();
  await page.getByTestId('comment-thread').first().waitFor();
}

async function finnishOnScreen(page, lang) {
  const texts = await page.evaluate(visibleTexts);
  assert.ok(texts.includes(tables[lang]['settings.language']), `the screen is read, in ${lang}: ${texts.slice(0, 5)}`);
  return finnishLeft(texts, lang, contentOf(exportJson(hub.file)));
}

let hub;

describe('languages in the browser', { timeout: 600000 }, () => {
  before(async () => {
    hub = await serveWorkshop(demoWorkshop());
  });
  after(stopAll);

  for (const lang of ['sv', 'en']) {
    it(`shows no Finnish UI sentence in ${lang} on any screen`, async () => {
      const { page } = await openBrowser(null);
      const left = [];
      await page.goto(hub.join);
      await page.getByTestId('join-heading').waitFor();
      // As a person does, once: the browser keeps the choice for every page after.
      await page.getByTestId('language').selectOption(lang);
      left.push(...(await finnishOnScreen(page, lang)).map((f) => `join page: ${f}`));
      for (const screen of SCREENS) {
        if (screen.each === 'board') {
          for (const board of exportJson(hub.file).boards.filter((b) => !b.archived)) {
            await page.goto(`${hub.page}#/board/${board.id}`);
            await page.getByTestId('board-title-heading').waitFor();
            if (screen.mode === 'list') await page.getByTestId('view-list').click();
            left.push(...(await finnishOnScreen(page, lang)).map((f) => `${board.title} (${screen.mode}): ${f}`));
          }
        } else {
          await screen.show(page);
          left.push(...(await finnishOnScreen(page, lang)).map((f) => `${screen.name}: ${f}`));
        }
      }
      assert.deepEqual(left, [], `Finnish left in ${lang}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the page says its language');
    });
  }

  it('says a refusal on a Finnish screen in Finnish, not in the core’s English', async () => {
    const { page } = await openBrowser(null);
    await page.goto(`${hub.root}join#code=VÄÄRÄ1`);
    await page.getByTestId('join-name').fill('Åsa');
    await page.getByTestId('join-button').click();
    const alert = page.locator('[role="alert"][data-error-code]').first();
    await alert.waitFor();
    const code = await alert.getAttribute('data-error-code');
    const shown = await alert.innerText();
    assert.ok(shown.includes(tables.fi[`error.${code}`]), `the Finnish sentence for ${code} is shown: ${shown}`);
    assert.doesNotMatch(shown, /\b(the|is|cannot|wrong)\b/i, 'no English sentence from the core');
  });
});
