import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The uriBaseId SARIF consumers (GitHub code scanning among them) resolve to the checked-out repository. */
export const SRCROOT = '%SRCROOT%';

export interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/**
 * A file as SARIF wants it: relative to the source root with forward slashes and percent-encoded
 * segments; an absolute path outside `rootDir` (or with no root given) becomes a file: URI.
 */
export function artifactLocation(file: string, rootDir?: string): ArtifactLocation {
  const absolute = isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file);
  const relativePath =
    absolute && rootDir !== undefined ? relative(rootDir, file) : absolute ? undefined : file;
  if (relativePath === undefined || isAbsolute(relativePath) || (absolute && relativePath.startsWith('..'))) {
    return { uri: pathToFileURL(file).href };
  }
  const segments = relativePath
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment, index) => !(segment === '.' || (segment === '' && index > 0)));
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The absolute URI `%SRCROOT%` stands for, which SARIF requires to end with a slash. */
export function srcRootUri(rootDir: string): string {
  const href = pathToFileURL(rootDir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
