/**
 * The options every command that plans a report shares (build, plan, check, preview), and how they
 * meet the project config: the command line's over the config's.
 */
import path from 'node:path';
import type { InputAllowances } from '../structure/structure.js';
import type { ChartsMode } from '../chart/choose.js';
import { configFor, withConfigAllowances, type ProjectConfig } from '../config/config.js';

export interface ReportArgs {
  theme?: string;
  charts?: ChartsMode;
  config?: string;
  allowHtml?: boolean;
  allowPath?: string[];
  allowRemote?: boolean;
}

/** The --allow-* options as what the pipeline takes: folders made absolute against the working folder. */
export function allowances(args: Pick<ReportArgs, 'allowHtml' | 'allowPath' | 'allowRemote'>): InputAllowances {
  return {
    html: !!args.allowHtml,
    paths: (args.allowPath ?? []).map((p) => path.resolve(p)),
    remote: !!args.allowRemote,
  };
}

/** How one report is planned: the command line's theme, charts and allowances over its config's. */
export function planOptions(report: string, args: ReportArgs) {
  const config: ProjectConfig | undefined = configFor(report, args.config);
  return {
    config,
    options: {
      theme: args.theme,
      defaultTheme: config?.theme,
      charts: args.charts,
      defaultCharts: config?.charts,
      allow: withConfigAllowances(allowances(args), config),
    },
  };
}
