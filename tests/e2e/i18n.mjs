// Finds Finnish left on a screen shown in Swedish or English: the UI's own tables
// (ui/src/i18n/*.ts, read with the esbuild the UI already has) against the texts a
// person sees or a screen reader reads. Workshop content is Finnish and is not
// flagged: only a whole text that is one of the UI's Finnish sentences counts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '../../ui');
const { transformSync } = createRequire(join(ui, 'package.json'))('esbuild');

function table(lang) {
  const source = readFileSync(join(ui, 'src', 'i18n', `${lang}.ts`), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', code)(module, module.exports, () => ({}));
  return module.exports[lang];
}

export const tables = { fi: table('fi'), sv: table('sv'), en: table('en') };

const escape = (text) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** A Finnish sentence as a whole-text pattern; `{n}` and the like match a short value
 * (a name, a number), not whole sentences of workshop content. */
function pattern(text) {
  return new RegExp(`^${text.split(/\{\w+\}/).map(escape).join('[^.!?]{1,60}?')}$`);
}

/** The Finnish UI sentences that `lang` says differently, as patterns with their keys. */
function finnishOnly(lang) {
  return Object.entries(tables.fi)
    .filter(([key, fi]) => fi !== tables[lang][key] && fi.replace(/\{\w+\}/g, '').trim().length >= 3)
    .map(([key, fi]) => ({ key, fi, match: pattern(fi.trim()) }));
}

/** Every text the workshop itself holds (titles, cards, lanes), from its JSON export:
 * Finnish there is the participants' own words. */
export function contentOf(workshop) {
  const out = new Set();
  const walk = (value) => {
    if (typeof value === 'string') out.add(value.trim());
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(workshop);
  return out;
}

/** Each of `texts` that is a Finnish UI sentence although the screen is in `lang`;
 * `content` (see contentOf) is left alone. */
export function finnishLeft(texts, lang, content = new Set()) {
  const patterns = finnishOnly(lang);
  return texts
    .filter((text) => !content.has(text))
    .flatMap((text) => patterns.filter((p) => p.match.test(text)).map((p) => `${p.key}: ${text}`));
}

/** Run in the page (Playwright's evaluate, or WebDriver's execute with `return`): every
 * visible text node, and the labels a screen reader reads, each trimmed. */
export const visibleTexts = `(() => {
  const seen = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (text && seen(node.parentElement)) out.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
    if (!seen(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = el.getAttribute(name)?.trim();
      if (value) out.push(value);
    }
  }
  for (const el of document.body.querySelectorAll('label, button, h1, h2, h3, h4, legend, summary, th, option')) {
    const text = el.textContent.trim();
    if (text && (seen(el) || el.tagName === 'OPTION')) out.push(text);
  }
  return [...new Set(out)];
})()`;
