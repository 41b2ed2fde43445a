import { planFile } from '../pipeline.js';
import { formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { outline } from './outline.js';
import { allowances } from './build-command.js';
import { configFor, withConfigAllowances } from '../config/config.js';

export interface PlanArgs {
  report: string;
  theme?: string;
  charts?: 'auto' | 'off';
  config?: string;
  allowHtml?: boolean;
  allowPath?: string[];
  allowRemote?: boolean;
  json: boolean;
}

export async function planCommand(args: PlanArgs): Promise<void> {
  // The deck build would write: the project config's defaults apply here too.
  const config = configFor(args.report, args.config);
  const { deck, diagnostics } = await planFile(args.report, {
    theme: args.theme,
    defaultTheme: config?.theme,
    charts: args.charts,
    defaultCharts: config?.charts,
    allow: withConfigAllowances(allowances(args), config),
  });
  printDiagnostics(diagnostics, formatDiagnostic);
  process.stdout.write(args.json ? `${JSON.stringify(deck, null, 2)}\n` : outline(deck));
}
