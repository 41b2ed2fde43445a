/** Report + theme → Deck: draft the slides, then fit each one to its layout. */
import type { Asset, Deck } from '../types/deck.js';
import type { Diagnostic, Result } from '../types/diagnostics.js';
import type { Report, ReportBlock } from '../types/report.js';
import type { Theme } from '../theme/types.js';
import type { Measurer } from '../measure/text.js';
import { slideSize } from '../layout/specs.js';
import { typeset } from '../math/typeset.js';
import { draftSlides } from './draft.js';
import { fitSlide } from './fit.js';
import { labelsFor } from './labels.js';
import { footRow } from '../layout/chrome.js';
import { displayPath } from '../theme/load.js';
import type { ChartsMode } from '../chart/choose.js';

/**
 * Whether clear numeric tables get chart slides: `charts` (the command line's) wins over the report's
 * front matter, which wins over `defaultCharts` (a project config's); else `auto`.
 */
export interface ChartSettings {
  charts?: ChartsMode;
  defaultCharts?: ChartsMode;
}

export interface PlanOptions extends ChartSettings {
  theme: Theme;
  measurer: Measurer;
  /** The report's path as the user named it, for diagnostics. */
  file: string;
}

export function plan(report: Report, opts: PlanOptions): Result<Deck> {
  const diagnostics: Diagnostic[] = [];
  const labels = labelsFor(report.meta.lang, opts.theme.labels);
  const size = slideSize(opts.theme.size);
  const assets: Asset[] = [];
  const assetIndex = new Map<string, number>();
  const asset = (b: Extract<ReportBlock, { kind: 'image' }>) => {
    const known = assetIndex.get(b.src);
    if (known !== undefined) return known;
    const p = b.probe;
    assets.push(p ? { src: b.src, path: p.path, width: p.width, height: p.height, mime: p.mime } : { src: b.src });
    assetIndex.set(b.src, assets.length - 1);
    return assets.length - 1;
  };

  const warn = (message: string, line?: number) => diagnostics.push({ level: 'warning', code: 'directive', message, file: opts.file, ...(line ? { line } : {}) });
  let drafts = draftSlides(report, { labels, asset, lang: report.meta.lang, dividers: opts.theme.sectionStyle === 'divider', warn,
    charts: opts.charts ?? report.meta.charts ?? opts.defaultCharts ?? 'auto' });
  if (opts.theme.sectionStyle === 'none') drafts = drafts.map(({ kicker: _, ...d }) => d);
  checkMath(drafts, opts.file, diagnostics);
  const fit = { measurer: opts.measurer, theme: opts.theme, size, labels };
  const slides = drafts.flatMap((d) => fitSlide(d, fit));
  const foot = footRow(opts.theme, size, opts.measurer, slides.filter((s) => !s.hidden).length).footer;
  if (foot?.shortened) {
    const where = opts.theme.source ? displayPath(opts.theme.source) : `theme "${opts.theme.name}"`;
    diagnostics.push({ level: 'warning', code: 'footer-shortened', message: `${where}: footer: too long for the foot of a slide, shown as "${foot.text}"` });
  }
  const { title, subtitle, author, date, lang, source } = report.meta;
  const meta = { title, lang, source, ...(subtitle ? { subtitle } : {}), ...(author ? { author } : {}), ...(date ? { date } : {}) };
  return {
    value: { meta, size, theme: opts.theme.name, assets, links: report.links, slides },
    diagnostics,
  };
}

function checkMath(drafts: ReturnType<typeof draftSlides>, file: string, diagnostics: Diagnostic[]): void {
  for (const d of drafts) {
    for (const b of d.blocks) {
      const texs = 'math' in b ? [b.math.tex] : 'paragraph' in b ? b.paragraph.filter((r) => r.math).map((r) => r.text) : [];
      for (const tex of texs) {
        const error = typeset(tex, 'math' in b).error;
        if (error) diagnostics.push({ level: 'warning', code: 'math', message: `math could not be typeset (${error}): ${tex}`, file, line: d.source.line });
      }
    }
  }
}
