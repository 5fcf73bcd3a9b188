// Only differences within one session are used, so the zone is ignored (read as UTC): the whole
// log shares it. Parsing the date once per second keeps this off the profile of a multi-GB log.
let cachedSecond = '';
let cachedSecondMs = 0;

/**
 * Milliseconds of a log timestamp with millisecond precision: `2026-01-05 09:00:01.123 UTC`
 * (%m, csvlog, jsonlog) or epoch seconds `1767603601.123` (%n). Undefined otherwise, also for
 * %t's whole seconds: a gap measured in seconds could hide a loop's iterations.
 */
export function logTimeMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.length >= 23 && text[4] === '-' && text[19] === '.') {
    const second = text.slice(0, 19);
    if (second !== cachedSecond) {
      const ms = Date.parse(`${second.replace(' ', 'T')}Z`);
      if (Number.isNaN(ms)) return undefined;
      cachedSecond = second;
      cachedSecondMs = ms;
    }
    const fraction = Number(text.slice(20, 23));
    return Number.isNaN(fraction) ? undefined : cachedSecondMs + fraction;
  }
  if (/^\d+\.\d+$/.test(text)) return Math.round(Number(text) * 1000);
  return undefined;
}
