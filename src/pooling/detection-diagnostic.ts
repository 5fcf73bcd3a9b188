import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import { transactionPooler } from '../rules/pooling/transaction-pooler.js';
import { breaksSessions, type PoolerDetection } from './pooler-detection.js';

/** What pgvigil found between the application and the server, as one info finding. */
export function detectionDiagnostic(detection: PoolerDetection, where: string): Diagnostic {
  const found = detection.kind !== undefined;
  const message = !found
    ? `No pooler seen in front of ${where}.`
    : `${detection.kind} in front of ${where}, pool mode ${detection.mode ?? 'unknown'} (${detection.confidence ?? 'possible'}).`;
  return {
    rule: transactionPooler.id,
    category: 'pooling',
    severity: transactionPooler.defaultSeverity,
    message,
    why: detection.evidence.map((e) => `${e.source}: ${e.says}`).join('; ') || 'no evidence either way',
    help: breaksSessions(detection)
      ? 'Session features (SET, session advisory locks, LISTEN, SQL PREPARE, temporary tables, WITH HOLD cursors, LOAD) do not survive the transaction here: fix the findings below.'
      : 'Session features work on this connection; the findings below matter once a transaction-mode pooler is put in front.',
    data: {
      pooler: detection.kind ?? null,
      mode: detection.mode ?? null,
      confidence: detection.confidence ?? null,
      evidence: detection.evidence,
      ...(detection.settings && { settings: detection.settings }),
    },
    docsUrl: docsUrl(transactionPooler.id),
  };
}
