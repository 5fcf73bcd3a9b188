import { describe, expect, it } from 'vitest';
import * as pgvigil from '../src/index.js';

describe('library entry', () => {
  it('checks a project through the public API alone', async () => {
    const layout = await pgvigil.discoverProject('examples/blog');
    const settings = pgvigil.resolveRuleSettings({ rules: {} }, pgvigil.allRuleMetas);
    const { diagnostics } = await pgvigil.runCheck(layout, settings);
    expect(diagnostics.map((d) => d.rule)).toContain('require-fk-index');
  });
});
