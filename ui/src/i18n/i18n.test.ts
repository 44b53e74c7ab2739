import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fi } from './fi';
import { pickLanguage, translator } from './index';
import { sv } from './sv';

describe('i18n', () => {
  it('gives every language the same keys as Finnish', () => {
    const keys = Object.keys(fi).sort();
    expect(Object.keys(sv).sort(), 'a missing Swedish key would show as undefined').toEqual(keys);
    expect(Object.keys(en).sort()).toEqual(keys);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('fi');
    expect(t('step.minutes', { n: 15 })).toBe('15 min');
    expect(t('boards.ofSession')).toBe('Taulut: {session}');
  });

  it('uses the Swedish terms of Finnish social and health services', () => {
    const all = Object.values(sv).join('\n');
    expect(all, 'a workshop is "workshop" in Finland-Swedish').not.toMatch(/verkstad/i);
    expect(sv['causal.loops']).toBe('Återkopplingsslingor');
    expect([sv['path.entry'], sv['path.exit']]).toEqual(['Ingång', 'Utgång']);
    expect([sv['eval.scale.1'], sv['eval.scale.3'], sv['eval.scale.5']]).toEqual(['instämmer inte alls', 'instämmer delvis', 'instämmer helt']);
  });

  it('falls back to Finnish for languages it does not have', () => {
    expect(pickLanguage('sv-FI')).toBe('sv');
    expect(pickLanguage('de')).toBe('fi');
    expect(pickLanguage(undefined)).toBe('fi');
  });
});
