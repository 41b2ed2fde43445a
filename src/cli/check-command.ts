import { planFile } from '../pipeline.js';
import { checkPlanned } from '../check/check.js';
import { expandInputs } from '../batch/inputs.js';
import { BriefdeckError, formatDiagnostic, type Diagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { planOptions, type ReportArgs } from './report-options.js';

export interface CheckArgs extends ReportArgs {
  reports: string[];
  maxContinued?: number;
  strict: boolean;
  json: boolean;
}

/**
 * Plans every report and prints what it found, one line each (or JSON). A report that cannot be read
 * at all is an error like any other, so one bad file does not hide what the others have.
 */
export async function checkCommand(args: CheckArgs): Promise<void> {
  if (args.maxContinued !== undefined && (!Number.isInteger(args.maxContinued) || args.maxContinued < 0)) {
    throw new BriefdeckError(`--max-continued must be a whole number of 0 or more (got "${args.maxContinued}")`, 2);
  }
  const all: Diagnostic[] = [];
  for (const input of await expandInputs(args.reports)) {
    let found: Diagnostic[];
    if (input.error) found = [{ level: 'error', code: 'input', message: input.error.replace(/^[^:]+: /, ''), file: input.file }];
    else {
      try {
        // A project config's theme and allowances apply as they do to build.
        const planned = await planFile(input.file, planOptions(input.file, args).options);
        found = checkPlanned(planned, input.file, { maxContinued: args.maxContinued, strict: args.strict });
      } catch (e) {
        if (!(e instanceof BriefdeckError) || e.exitCode !== 1) throw e;
        found = [errorOf(e, input.file)];
      }
    }
    all.push(...found);
    if (!args.json) printDiagnostics(found, formatDiagnostic);
  }
  if (args.json) {
    const diagnostics = all.map((d) => ({ level: d.level, code: d.code, message: d.message, file: d.file, ...(d.line ? { line: d.line } : {}) }));
    process.stdout.write(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
  }
  if (all.some((d) => d.level === 'error')) process.exitCode = 1;
}

/** "report.md:3:7: invalid front matter: …" → the diagnostic it stands for. */
function errorOf(e: BriefdeckError, file: string): Diagnostic {
  const m = /^(.+?):(\d+)(?::(\d+))?: (.*)$/s.exec(e.message);
  if (m && m[1] === file) return { level: 'error', code: 'input', message: m[4], file, line: Number(m[2]), ...(m[3] ? { column: Number(m[3]) } : {}) };
  return { level: 'error', code: 'input', message: e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message, file };
}
