/**
 * Every table a migration finding names in its data: the one it is about (table, matview), and
 * those it lists (lockedTables, tables, referenced, heldBefore). Rules keep to these keys so
 * findings can be matched to tables without reading their words.
 */
export function tablesNamed(data: Readonly<Record<string, unknown>> | undefined): string[] {
  if (!data) return [];
  const direct = [data.table, data.matview].filter((name): name is string => typeof name === 'string');
  const listed = [data.lockedTables, data.tables, data.referenced, data.heldBefore].flatMap((list) =>
    Array.isArray(list)
      ? list.map((item: unknown) =>
          typeof item === 'string' ? item : (item as { table?: unknown } | null)?.table,
        )
      : [],
  );
  return [...direct, ...listed.filter((name): name is string => typeof name === 'string')];
}
