/** Running a command: user errors become one line on stderr and an exit code, never a stack trace. */
import type { Diagnostic } from '../types/diagnostics.js';

export function fail(message: string, code: number): never {
  process.stderr.write(`briefdeck: ${message}\n`);
  process.exit(code);
}

export async function run(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (e) {
    const err = e as Error & { exitCode?: number };
    if (err?.name === 'BriefdeckError') {
      const where = /^\S+:\d+(:\d+)?: |^[^\s:]+(\.\w+)?: /.test(err.message) ? '' : 'briefdeck: ';
      process.stderr.write(`${where}${err.message}\n`);
      process.exit(err.exitCode ?? 1);
    }
    if (process.env.BRIEFDECK_DEBUG) process.stderr.write(`${err?.stack ?? String(e)}\n`);
    fail(`internal error: ${err?.message ?? String(e)} (run again with --debug for details)`, 1);
  }
}

export function printDiagnostics(diagnostics: Diagnostic[], format: (d: Diagnostic) => string): void {
  for (const d of diagnostics) process.stderr.write(`${format(d)}\n`);
}
