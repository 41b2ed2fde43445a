/** briefdeck's library API: the pipeline stages and `build`. */
export type { Deck, Slide, Block, Run, ListItem, TableBlock, ImageBlock, Asset, DeckMeta, Layout } from './types/deck.js';
export type { Report, Section, ReportBlock, ReportMeta } from './types/report.js';
export type { Diagnostic, Result } from './types/diagnostics.js';
export type { Theme } from './theme/types.js';
export { BriefdeckError, formatDiagnostic } from './types/diagnostics.js';
export { decodeReport } from './read/decode.js';
export { parseMarkdown } from './read/parse.js';
export { structure } from './structure/structure.js';
export { plan as planDeck } from './plan/plan.js';
export { loadTheme, builtinThemeNames } from './theme/load.js';
export { labelsFor, type Labels, type LabelOverrides } from './plan/labels.js';
export { loadReport, planFile, measurerFor, planMarkdown as plan, type PlanMarkdownOptions as PlanOptions } from './pipeline.js';
export { build, resolveFormats, VERSION, type BuildOptions, type BuildResult } from './build.js';
export { renderHtml } from './render/html/render.js';
export { LAYOUTS, SPACING } from './layout/specs.js';
