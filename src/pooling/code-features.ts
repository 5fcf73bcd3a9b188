import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { maskCode } from '../sources/code/mask-code.js';
import { SourceText } from '../sql/positions.js';
import { splitStatements } from '../sql/split.js';
import { sqlInCode } from './code-sql.js';
import { featureDiagnostic } from './feature-diagnostic.js';
import { featureHits } from './feature-hits.js';

/** Session features in the SQL strings of one code file; strings that are not SQL are passed over. */
export function codeFeatures(file: string, text: string, severity: Severity): Diagnostic[] {
  const masked = maskCode(text);
  const lines = SourceText.from(text);
  return sqlInCode(text, masked).flatMap((literal) => {
    const asParameters = splitStatements(literal.sql, file);
    const split =
      asParameters.diagnostics.length > 0 && literal.sqlWithNames !== literal.sql
        ? splitStatements(literal.sqlWithNames, file)
        : asParameters;
    return featureHits(split).map((hit) => {
      const at = lines.indexToLineColumn(literal.start + (literal.exact ? hit.start : 0));
      return featureDiagnostic(hit, { file, line: at.line, column: at.column }, severity, { source: 'code' });
    });
  });
}
