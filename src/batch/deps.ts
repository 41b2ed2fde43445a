/** The files a report's build reads besides the report: what its cache record must watch. */
import path from 'node:path';
import type { Report } from '../types/report.js';
import type { Theme } from '../theme/types.js';
import { BUILTIN_TEMPLATES } from '../render/templates.js';
import { isHttpUrl, localPath } from '../structure/images.js';

/** Every image reference anywhere in the report (lists, quotes and tables nest them). */
function imageSources(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) imageSources(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.kind === 'image' && typeof o.src === 'string') out.push(o.src);
    for (const v of Object.values(o)) if (v && typeof v === 'object') imageSources(v, out);
  }
  return out;
}

/**
 * The files and folders a build read, or `undefined` when it read something that cannot be watched:
 * an image fetched from the web may change with nothing on disk changing, so such a report is rebuilt.
 */
export function buildDependencies(report: Report, theme: Theme, opts: { baseDir: string; templates?: string; remote: boolean }): string[] | undefined {
  const deps: string[] = [...(theme.sourceFiles ?? []), BUILTIN_TEMPLATES];
  for (const font of Object.values(theme.fonts)) if (font.files) deps.push(...Object.values(font.files).filter((f): f is string => !!f));
  if (theme.logo) deps.push(theme.logo);
  if (theme.templates) deps.push(theme.templates);
  if (opts.templates) deps.push(path.resolve(opts.templates));
  for (const src of imageSources(report)) {
    if (isHttpUrl(src) && opts.remote) return undefined;
    // data: images are the report's own bytes; other URLs are never read.
    const file = localPath(src, opts.baseDir);
    if (file) deps.push(file);
  }
  return deps;
}
