import { describe, expect, it } from 'vitest';
import { formats, isFormat, render } from '../../src/reporters/index.js';
import { finding, report } from './sample-report.js';

describe('render', () => {
  const input = report([finding({ file: 'a.sql', line: 1, severity: 'error' })], { 'a.sql': 'SELECT 1;' });

  it('knows the five formats and nothing else', () => {
    expect(formats).toEqual(['text', 'json', 'sarif', 'github', 'html']);
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('pdf')).toBe(false);
  });

  it('renders each format in its own shape', () => {
    expect(render('text', input, { color: false })).toContain('✖ 1 error, 0 warnings, 0 info in 1 file');
    expect(JSON.parse(render('json', input, { color: false })).summary.errors).toBe(1);
    expect(JSON.parse(render('sarif', input, { color: false })).version).toBe('2.1.0');
    expect(render('github', input, { color: false })).toMatch(/^::error file=a\.sql,line=1,/);
    expect(render('html', input, { color: false })).toMatch(/^<!doctype html>/);
  });
});
