import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/reporters/json.js';
import { finding, report } from './sample-report.js';

describe('renderJson', () => {
  const later = finding({
    file: 'b.sql',
    line: 3,
    column: 1,
    severity: 'error',
    rule: 'require-concurrent-index',
  });
  const earlier = finding({
    file: 'a.sql',
    line: 7,
    column: 5,
    data: { table: 'orders', columns: ['user_id'] },
    fix: {
      title: 'Add index',
      kind: 'suggestion',
      edits: [{ start: 0, end: 0, text: 'CREATE INDEX ...;\n' }],
    },
  });
  const live = finding({ severity: 'info', message: 'Connections at 80% of max_connections.' });

  it('prints exactly diagnostics and summary, indented by two spaces', () => {
    const text = renderJson(report([later, live, earlier], {}, 4));
    expect(text.startsWith('{\n  "diagnostics": [\n    {\n      "rule"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary']);
    expect(parsed.diagnostics).toEqual([earlier, later, live]);
    expect(parsed.summary).toEqual({
      errors: 1,
      warnings: 1,
      infos: 1,
      filesChecked: 4,
      byRule: { 'require-fk-index': 2, 'require-concurrent-index': 1 },
    });
  });

  it('prints an empty list and zero counts when nothing was found', () => {
    const parsed = JSON.parse(renderJson(report([], {}, 2)));
    expect(parsed).toEqual({
      diagnostics: [],
      summary: { errors: 0, warnings: 0, infos: 0, filesChecked: 2, byRule: {} },
    });
  });
});
