import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { splitStatements } from '../sql/split.js';
import { featureDiagnostic } from './feature-diagnostic.js';
import { featureHits } from './feature-hits.js';
import { filesUnder } from './files-under.js';

/** The .sql files of a path: the file itself, or every .sql file under a folder in name order. */
export function sqlFilesAt(path: string): Promise<string[]> {
  return filesUnder(path, (name) => name.endsWith('.sql'));
}

/** Session features in one SQL file, each at its exact place; syntax errors come back as they are. */
export function sqlFileFeatures(file: string, text: string, severity: Severity): Diagnostic[] {
  const split = splitStatements(text, file);
  return [
    ...split.diagnostics,
    ...featureHits(split).map((hit) =>
      featureDiagnostic(hit, split.source.spanOf(file, hit.start, hit.end), severity, { source: 'sql' }),
    ),
  ];
}
