/**
 * `preview`: the deck served on loopback, rebuilt and reloaded in the browser when the report, its
 * pictures, its theme or a template is saved. The page listens on a Server-Sent Events channel; a
 * rebuild sends `reload`, a report that no longer builds sends `problem` and the last good deck stays
 * on screen with the error over it. Warnings show on the page and in the terminal.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { planFile } from '../pipeline.js';
import { renderHtml } from '../render/html/render.js';
import { buildDependencies } from '../batch/deps.js';
import { VERSION } from '../build.js';
import type { Diagnostic } from '../types/diagnostics.js';
import { formatDiagnostic } from '../types/diagnostics.js';
import type { InputAllowances } from '../structure/structure.js';
import { watchFiles } from '../watch/watch-files.js';
import type { ChartSettings } from '../plan/plan.js';

export interface PreviewOptions extends ChartSettings {
  report: string;
  theme?: string;
  defaultTheme?: string;
  templates?: string;
  allow?: InputAllowances;
  host: string;
  /** 0: any free port. */
  port: number;
  /** Each rebuild's warnings, or the error that stopped it. */
  onBuild?: (outcome: { diagnostics: Diagnostic[]; error?: string }) => void;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

const EVENTS = '/__briefdeck/events';

const PROBLEM_STYLE = 'position:fixed;left:0;right:0;top:0;z-index:10000;background:#B71C1C;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:10px 16px;white-space:pre-wrap';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page's side: reload on `reload`, show a problem over the last good deck on `problem`. Warnings
 * come with the page, in a panel the presenter can close.
 */
function client(diagnostics: Diagnostic[], problem?: string): string {
  const warnings = diagnostics.map((d) => `<li>${escape(formatDiagnostic(d))}</li>`).join('');
  const panel = warnings
    ? `<div id="bd-preview-warnings" style="position:fixed;left:12px;bottom:12px;z-index:9999;max-width:60vw;max-height:30vh;overflow:auto;background:#FFF8E1;color:#3E2723;border:1px solid #E0B44B;border-radius:6px;font:13px/1.4 system-ui,sans-serif;padding:8px 28px 8px 12px"><button onclick="this.parentNode.remove()" style="position:absolute;right:6px;top:4px;border:0;background:none;font-size:16px;cursor:pointer" aria-label="Close">×</button><ul style="margin:0;padding-left:16px">${warnings}</ul></div>`
    : '';
  const script = `<script>(function(){var s=new EventSource(${JSON.stringify(EVENTS)});s.addEventListener('reload',function(){location.reload()});s.addEventListener('problem',function(e){var d=document.getElementById('bd-preview-problem');if(!d){d=document.createElement('div');d.id='bd-preview-problem';d.setAttribute('style',${JSON.stringify(PROBLEM_STYLE)});document.body.appendChild(d)}d.textContent=e.data})})();</script>`;
  // A page opened while the report does not build shows why from the start.
  const bar = problem ? `<div id="bd-preview-problem" style="${PROBLEM_STYLE}">${escape(problem)}</div>` : '';
  return panel + bar + script;
}

/** Where the page's own scripts go: before the deck's last </body> (the inlined reveal.js holds the string "</body>" in its scripts too). */
function withClient(deck: string, diagnostics: Diagnostic[], problem?: string): string {
  const end = deck.lastIndexOf('</body>');
  const extra = client(diagnostics, problem);
  return end < 0 ? deck + extra : deck.slice(0, end) + extra + deck.slice(end);
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  /** The last deck that built, what it noticed, and why the report does not build now (if it does not). */
  let deck = '<!doctype html><meta charset="utf-8"><title>briefdeck preview</title><body></body>';
  let noticed: Diagnostic[] = [];
  let problem: string | undefined;
  const listeners = new Set<ServerResponse>();
  const send = (event: string, data: string) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`);
  };
  const baseDir = path.dirname(path.resolve(opts.report));

  /** Builds the deck; on success returns the files to watch, on failure keeps the last good page. */
  const rebuild = async (): Promise<string[] | undefined> => {
    try {
      const planned = await planFile(opts.report, { theme: opts.theme, defaultTheme: opts.defaultTheme, charts: opts.charts, defaultCharts: opts.defaultCharts, allow: opts.allow });
      const html = await renderHtml(planned.deck, { theme: planned.theme, measurer: planned.measurer, baseDir, version: VERSION, templates: opts.templates });
      deck = html;
      noticed = planned.diagnostics;
      problem = undefined;
      opts.onBuild?.({ diagnostics: planned.diagnostics });
      return buildDependencies(planned.report, planned.theme, { baseDir, templates: opts.templates, remote: false }) ?? [];
    } catch (e) {
      const error = (e as Error).message;
      problem = error;
      opts.onBuild?.({ diagnostics: [], error });
      send('problem', error);
      return undefined;
    }
  };

  const report = path.resolve(opts.report);
  const files = watchFiles([report, ...((await rebuild()) ?? [])], () => void onChange());
  async function onChange(): Promise<void> {
    const deps = await rebuild();
    if (deps) {
      files.update([report, ...deps]);
      send('reload', '');
    }
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(withClient(deck, noticed, problem));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}/`,
    close: async () => {
      files.close();
      for (const res of listeners) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep idle connections open for seconds; the preview ends now.
      server.closeAllConnections();
      await closed;
    },
  };
}
