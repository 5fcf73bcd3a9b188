/** 1-based line and UTF-16 column of the first occurrence of `needle`, found by plain line search. */
export function locate(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let seen = 0;
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, line] of lines.entries()) {
    let from = 0;
    for (let column = line.indexOf(needle, from); column >= 0; column = line.indexOf(needle, from)) {
      seen++;
      if (seen === occurrence)
        return { line: index + 1, column: column + 1 - (index === 0 && line.startsWith('\uFEFF') ? 1 : 0) };
      from = column + 1;
    }
  }
  throw new Error(`"${needle}" not found`);
}
