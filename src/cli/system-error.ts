/** What Node's system errors mean to a user, by their code. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

interface SystemError {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'syscall' in error
  );
}

/**
 * One line for a failure of the machine rather than of pgvigil (disk full, permissions, read-only
 * file system): the user can act on it, so it is no "internal error". Undefined for anything else.
 */
export function systemErrorLine(error: unknown, action?: string): string | undefined {
  if (!isSystemError(error)) return undefined;
  const reason = REASONS[error.code];
  if (!reason) return undefined;
  const what = action ?? `could not ${error.syscall ?? 'access'}${error.path ? ` ${error.path}` : ''}`;
  return `${what}: ${reason} (${error.code}).`;
}
