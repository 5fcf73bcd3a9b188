/** How sure pgvigil is about the pooler: proven by behaviour, read from its console, or guessed from the URL. */
export type Confidence = 'certain' | 'likely' | 'possible';

export type PoolerKind = 'PgBouncer' | 'Supavisor' | 'unknown pooler';

/** One reason to believe (or doubt) there is a pooler. */
export interface PoolerEvidence {
  readonly source: 'url' | 'probe' | 'admin-console';
  readonly says: string;
}

/** What stands between the application and PostgreSQL, as far as pgvigil could tell. */
export interface PoolerDetection {
  /** Undefined when nothing points at a pooler. */
  readonly kind?: PoolerKind;
  /** 'transaction' or 'statement' break session features; 'session' does not. */
  readonly mode?: 'transaction' | 'statement' | 'session' | 'unknown';
  readonly confidence?: Confidence;
  readonly evidence: readonly PoolerEvidence[];
  /** PgBouncer's admin console settings, when it was read. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Session features break: the client does not keep one server connection between transactions. */
export function breaksSessions(detection: PoolerDetection): boolean {
  return detection.mode === 'transaction' || detection.mode === 'statement';
}

const RANK: Readonly<Record<Confidence, number>> = { possible: 0, likely: 1, certain: 2 };

/** The stronger claim wins the kind and mode; every piece of evidence is kept. */
export function combine(...detections: readonly PoolerDetection[]): PoolerDetection {
  const claims = detections.filter((d) => d.confidence !== undefined);
  const best = claims.sort((a, b) => RANK[b.confidence ?? 'possible'] - RANK[a.confidence ?? 'possible'])[0];
  const kind =
    best?.kind === 'unknown pooler'
      ? (claims.find((d) => d.kind !== 'unknown pooler')?.kind ?? best.kind)
      : best?.kind;
  const settings = detections.find((d) => d.settings)?.settings;
  return {
    ...(kind !== undefined && { kind }),
    ...(best?.mode !== undefined && { mode: best.mode }),
    ...(best?.confidence !== undefined && { confidence: best.confidence }),
    evidence: detections.flatMap((d) => d.evidence),
    ...(settings && { settings }),
  };
}
