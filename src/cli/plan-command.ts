import { planFile } from '../pipeline.js';
import { formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { outline } from './outline.js';
import { planOptions, type ReportArgs } from './report-options.js';

export interface PlanArgs extends ReportArgs {
  report: string;
  json: boolean;
}

export async function planCommand(args: PlanArgs): Promise<void> {
  // The deck build would write: the project config's defaults apply here too.
  const { deck, diagnostics } = await planFile(args.report, planOptions(args.report, args).options);
  printDiagnostics(diagnostics, formatDiagnostic);
  process.stdout.write(args.json ? `${JSON.stringify(deck, null, 2)}\n` : outline(deck));
}
