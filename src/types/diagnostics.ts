/** A problem found in the input, reported next to the value instead of thrown (as pandoc does). */
export interface Diagnostic {
  level: 'warning' | 'error';
  /** Stable machine-readable code, e.g. `image-missing`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** What every pipeline stage returns: its value and what it noticed on the way. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** A user error that stops a build: printed as one line, exit code 1 (or 2 for usage). */
export class BriefdeckError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'BriefdeckError';
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}: ` : '';
  return `${where}${d.level}: ${d.message}`;
}
