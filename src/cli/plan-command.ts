import { planFile } from '../pipeline.js';
import { formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { outline } from './outline.js';
import { allowances } from './build-command.js';

export interface PlanArgs {
  report: string;
  theme?: string;
  allowHtml?: boolean;
  allowPath?: string[];
  allowRemote?: boolean;
  json: boolean;
}

export async function planCommand(args: PlanArgs): Promise<void> {
  const { deck, diagnostics } = await planFile(args.report, { theme: args.theme, allow: allowances(args) });
  printDiagnostics(diagnostics, formatDiagnostic);
  process.stdout.write(args.json ? `${JSON.stringify(deck, null, 2)}\n` : outline(deck));
}
