import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend/transport';
import { errorText } from './errors';
import { translator } from './index';

const fi = translator('fi');
const sv = translator('sv');
const en = translator('en');

describe('errorText', () => {
  // As the hub answers a participant who tries to start the timer.
  const refusal = new BackendError('facilitator_only', 'Only the facilitator can change the session controls.');

  it('shows a refusal in the chosen language and never the core English sentence', () => {
    expect(errorText(fi, refusal)).toBe('Vain ohjaaja voi ohjata kokoontumista.');
    expect(errorText(sv, refusal)).toBe('Bara handledaren kan styra träffen.');
    expect(errorText(en, refusal)).toBe('Only the facilitator can run the session.');
    for (const t of [fi, sv]) expect(errorText(t, refusal)).not.toContain(refusal.message);
  });

  it('reads the code of a plain {code, message} as it comes over IPC or in a status', () => {
    expect(errorText(fi, { code: 'wrong_code', message: 'The join code is wrong.' })).toBe('Koodi on väärä. Tarkista koodi.');
    expect(errorText(fi, { code: 'too_new', message: 'x.paja was made by a newer Paja.' })).toBe(
      'Tiedosto on uudemmasta Pajasta. Päivitä Paja.',
    );
  });

  it('says something general, in the language, for an error without a known code', () => {
    expect(errorText(fi, new Error('TypeError: x is undefined'))).toBe('Jokin meni vikaan.');
    expect(errorText(sv, { code: 'from_a_newer_hub', message: 'English text' })).toBe('Något gick fel.');
  });
});

describe('plural', () => {
  it('uses the singular for one and the plural otherwise, in each language', () => {
    expect(fi.plural('idea.votes', 1)).toBe('1 ääni');
    expect(fi.plural('idea.votes', 3)).toBe('3 ääntä');
    expect(fi.plural('idea.votes', 0)).toBe('0 ääntä');
    expect(sv.plural('idea.votes', 1)).toBe('1 röst');
    expect(sv.plural('idea.votes', 2)).toBe('2 röster');
    expect(en.plural('idea.votes', 1)).toBe('1 vote');
    expect(en.plural('idea.votes', 5)).toBe('5 votes');
  });
});
