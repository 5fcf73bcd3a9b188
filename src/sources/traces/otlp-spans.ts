/** The parts of an OTLP JSON span (ExportTraceServiceRequest encoding) that pgvigil reads. */
export interface OtlpValue {
  readonly stringValue?: string;
  readonly intValue?: string | number;
  readonly doubleValue?: number;
  readonly boolValue?: boolean;
  readonly arrayValue?: { readonly values?: readonly OtlpValue[] };
}

export interface OtlpAttribute {
  readonly key: string;
  readonly value?: OtlpValue;
}

export interface OtlpSpan {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly name?: string;
  readonly startTimeUnixNano?: string | number;
  readonly endTimeUnixNano?: string | number;
  readonly attributes?: readonly OtlpAttribute[];
}

interface ScopeSpans {
  readonly spans?: readonly OtlpSpan[];
}

interface ResourceSpans {
  readonly scopeSpans?: readonly ScopeSpans[];
  /** The name before OTLP 0.15 (still written by older exporters and the spec's file example). */
  readonly instrumentationLibrarySpans?: readonly ScopeSpans[];
}

/** Every span of one ExportTraceServiceRequest (or TracesData) object; undefined when it is not one. */
export function spansOf(request: unknown): OtlpSpan[] | undefined {
  if (typeof request !== 'object' || request === null || !('resourceSpans' in request)) return undefined;
  const resources = (request as { resourceSpans: unknown }).resourceSpans;
  if (!Array.isArray(resources)) return undefined;
  return (resources as ResourceSpans[]).flatMap((resource) =>
    [...(resource.scopeSpans ?? []), ...(resource.instrumentationLibrarySpans ?? [])].flatMap(
      (scope) => scope.spans ?? [],
    ),
  );
}

export function plainValue(value: OtlpValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.boolValue !== undefined) return String(value.boolValue);
  return undefined;
}
