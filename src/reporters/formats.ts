/** The output formats, apart from the reporters themselves: the CLI checks --format before any reporter loads. */
export const formats = ['text', 'json', 'sarif', 'github', 'html'] as const;
export type Format = (typeof formats)[number];

export function isFormat(name: string): name is Format {
  return (formats as readonly string[]).includes(name);
}
