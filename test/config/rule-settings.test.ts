import { describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { validateConfig } from '../../src/config/validate-config.js';
import type { RuleMeta } from '../../src/diagnostics/rule-meta.js';

const metas: readonly RuleMeta[] = [
  {
    id: 'require-fk-index',
    group: 'schema',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'Every foreign key has an index.',
    thresholds: {
      minRows: { default: 1000, description: 'Smallest table worth an index.' },
      maxIndexes: { default: 8, description: 'Indexes a table may have before advice stops.' },
    },
  },
  {
    id: 'prefer-identity',
    group: 'schema',
    category: 'style',
    defaultSeverity: 'info',
    summary: 'Identity columns instead of serial.',
  },
  {
    id: 'require-concurrent-index',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    summary: 'CREATE INDEX CONCURRENTLY on existing tables.',
  },
  {
    id: 'prefer-text',
    group: 'schema',
    category: 'style',
    defaultSeverity: 'info',
    summary: 'text instead of varchar(n).',
    enabledByDefault: false,
  },
];

describe('resolveRuleSettings', () => {
  it('gives every rule its defaults when the config says nothing', () => {
    const settings = resolveRuleSettings({ rules: {} }, metas);
    expect([...settings.keys()]).toEqual([
      'require-fk-index',
      'prefer-identity',
      'require-concurrent-index',
      'prefer-text',
    ]);
    expect(settings.get('require-fk-index')).toEqual({
      id: 'require-fk-index',
      enabled: true,
      severity: 'warning',
      severityFromConfig: false,
      thresholds: { minRows: 1000, maxIndexes: 8 },
    });
    expect(settings.get('prefer-identity')?.thresholds).toEqual({});
  });

  it('applies off, a severity string, and an object with severity and threshold overrides', () => {
    const { config, errors } = validateConfig(
      {
        rules: {
          'prefer-identity': 'off',
          'require-concurrent-index': 'warning',
          'require-fk-index': { severity: 'error', options: { minRows: 10 } },
        },
      },
      'pgvigil.config.json',
      metas,
    );
    expect(errors).toEqual([]);
    const settings = resolveRuleSettings(config, metas);
    expect(settings.get('prefer-identity')).toMatchObject({ enabled: false, severity: 'info' });
    expect(settings.get('require-concurrent-index')).toMatchObject({ enabled: true, severity: 'warning' });
    expect(settings.get('require-fk-index')).toEqual({
      id: 'require-fk-index',
      enabled: true,
      severity: 'error',
      severityFromConfig: true,
      thresholds: { minRows: 10, maxIndexes: 8 },
    });
  });

  it('keeps the default severity when an object only overrides thresholds, and disables with severity off', () => {
    const settings = resolveRuleSettings(
      {
        rules: {
          'require-fk-index': { options: { maxIndexes: 3 } },
          'require-concurrent-index': { severity: 'off' },
        },
      },
      metas,
    );
    expect(settings.get('require-fk-index')).toMatchObject({
      severity: 'warning',
      thresholds: { minRows: 1000, maxIndexes: 3 },
    });
    expect(settings.get('require-concurrent-index')?.enabled).toBe(false);
  });

  it('runs an opt-in rule only when the config names it with a severity', () => {
    expect(resolveRuleSettings({ rules: {} }, metas).get('prefer-text')?.enabled).toBe(false);
    const named = resolveRuleSettings({ rules: { 'prefer-text': 'warning' } }, metas).get('prefer-text');
    expect(named).toMatchObject({ enabled: true, severity: 'warning' });
  });
});
