import { describe, expect, it } from 'vitest';
import { keepSection } from '../../../src/sources/migrations/step-text.js';

describe('keepSection', () => {
  it('blanks everything outside the section unit for unit, keeping line breaks', () => {
    const text = '-- é 🐘\r\nSELECT 1;\n-- tail ✓\n';
    const start = text.indexOf('SELECT');
    const kept = keepSection(text, { start, end: start + 'SELECT 1;'.length });
    expect(kept).toHaveLength(text.length);
    expect(kept).toBe(`${' '.repeat('-- é 🐘'.length)}\r\nSELECT 1;\n${' '.repeat('-- tail ✓'.length)}\n`);
    expect(kept.indexOf('SELECT')).toBe(start);
  });
});
