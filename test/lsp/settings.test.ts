import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/core/rules/registry';
import { DEFAULTS, parseSettings } from '../../server/src/engine/settings';

describe('parseSettings', () => {
  it('gives defaults for nothing at all', () => {
    for (const raw of [undefined, null, 42, 'x', []]) {
      const { settings, problems } = parseSettings(raw, RULES);
      expect(problems).toEqual([]);
      expect(settings.debounceMs).toBe(DEFAULTS.debounceMs);
      expect(settings.rules.get('punctuation.width')).toEqual({ severity: 'warning', options: { checkSpaces: true } });
    }
  });

  it('tells about a setting that is no longer used, nested or flat, and nothing else of it', () => {
    for (const raw of [{ rules: { quote: { mismatch: { maxDifference: 15 } } } }, { 'rules.quote.mismatch.maxDifference': 15 }]) {
      const { settings, problems } = parseSettings(raw, RULES);
      expect(problems).toEqual([
        { key: 'policyLens.rules.quote.mismatch.maxDifference', value: '15', fallback: '', replacedBy: 'policyLens.rules.quote.mismatch.minLength, policyLens.rules.quote.mismatch.minReuse' },
      ]);
      expect(settings.rules.get('quote.mismatch')!.options).toEqual({ minLength: 16, minReuse: 50, checkNumbers: false });
    }
  });

  it('reads nested (VS Code) and flat (other clients) keys', () => {
    const nested = parseSettings({ diagnostics: { debounceMs: 0 }, rules: { punctuation: { width: { severity: 'error', checkSpaces: false } } } }, RULES);
    expect(nested.settings.debounceMs).toBe(0);
    expect(nested.settings.rules.get('punctuation.width')).toEqual({ severity: 'error', options: { checkSpaces: false } });
    const flat = parseSettings({ 'diagnostics.debounceMs': 50, 'rules.punctuation.width.severity': 'off' }, RULES);
    expect(flat.settings.debounceMs).toBe(50);
    expect(flat.settings.rules.get('punctuation.width')!.severity).toBe('off');
  });

  it('replaces each wrong value by its default and reports it', () => {
    const { settings, problems } = parseSettings(
      { diagnostics: { debounceMs: 'soon', maxDocumentSize: -1 }, dictionaries: 'a.txt', rules: { punctuation: { width: { severity: 'loud' } } } },
      RULES,
    );
    expect(settings.debounceMs).toBe(300);
    expect(settings.maxDocumentSize).toBe(DEFAULTS.maxDocumentSize);
    expect(settings.dictionaries).toEqual([]);
    expect(settings.rules.get('punctuation.width')!.severity).toBe('warning');
    expect(problems.map((p) => p.key).sort()).toEqual([
      'policyLens.diagnostics.debounceMs',
      'policyLens.diagnostics.maxDocumentSize',
      'policyLens.dictionaries',
      'policyLens.rules.punctuation.width.severity',
    ]);
    expect(problems.find((p) => p.key.endsWith('debounceMs'))).toEqual({ key: 'policyLens.diagnostics.debounceMs', value: '"soon"', fallback: '300' });
  });

  it('is frozen', () => {
    const { settings } = parseSettings({}, RULES);
    expect(Object.isFrozen(settings)).toBe(true);
  });
});
