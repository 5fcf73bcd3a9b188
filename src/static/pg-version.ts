/**
 * A PostgreSQL version as a user writes it, as server_version_num: 13 → 130000, 13.4 → 130004,
 * 9.6 → 90600, 9.6.24 → 90624, 130004 → 130004. Undefined when it is none of those.
 */
export function parsePgVersion(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{5,6}$/.test(trimmed)) {
    const num = Number(trimmed);
    return num >= 90000 && num < 1000000 ? num : undefined;
  }
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return undefined;
  const [major = 0, second = 0, third = 0] = match.slice(1).map((part) => Number(part ?? 0));
  // Before 10 the major version had two parts (9.6), and the minor came third.
  if (major === 9)
    return match[3] === undefined && match[2] === undefined ? undefined : 90000 + second * 100 + third;
  if (major < 10 || match[3] !== undefined) return undefined;
  return major * 10000 + second;
}
