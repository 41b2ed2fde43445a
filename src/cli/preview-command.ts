import { spawn } from 'node:child_process';
import { startPreview } from '../preview/server.js';
import { BriefdeckError, formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { planOptions, type ReportArgs } from './report-options.js';

export interface PreviewArgs extends ReportArgs {
  report: string;
  templates?: string;
  port?: number;
  host: string;
  open: boolean;
}

/** The system's way to open a URL in the default browser. */
function openInBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`briefdeck: could not open a browser; open ${url}\n`));
  child.unref();
}

export async function previewCommand(args: PreviewArgs): Promise<void> {
  const port = args.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BriefdeckError(`--port must be a port number, 0 to 65535 (got "${args.port}")`, 2);
  const { config, options } = planOptions(args.report, args);
  let first = true;
  const preview = await startPreview({
    report: args.report,
    ...options,
    templates: args.templates ?? config?.templates,
    host: args.host,
    port,
    onBuild: ({ diagnostics, error }) => {
      const when = new Date().toTimeString().slice(0, 8);
      if (!first) process.stderr.write(error ? `${when} ${args.report} no longer builds; the last good deck stays on screen:\n` : `${when} rebuilt ${args.report}\n`);
      first = false;
      if (error) process.stderr.write(`${error}\n`);
      printDiagnostics(diagnostics, formatDiagnostic);
    },
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new BriefdeckError(`port ${port} on ${args.host} is in use: choose another with --port, or leave it out for a free one`, 1);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') throw new BriefdeckError(`cannot serve on ${args.host}: not an address of this machine`, 2);
    throw e;
  });
  process.stdout.write(`${preview.url}\n`);
  if (args.open) openInBrowser(preview.url);
  // Ctrl-C ends the preview: watchers and connections closed, nothing left running.
  await new Promise<void>((resolve) => {
    const stop = () => void preview.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
