/**
 * A resolved theme: every token filled in (from the file, what it `extends:`, and the default), colours
 * normalised to `#RRGGBB`, paths absolute. Every renderer reads this and nothing else about looks.
 */
import type { LabelOverrides } from '../plan/labels.js';

export type FontRole = 'heading' | 'body' | 'mono';

/** Font files given by a theme instead of an @fontsource package (absolute paths once resolved). */
export interface FontFiles {
  regular: string;
  bold?: string;
  italic?: string;
  boldItalic?: string;
}

export interface ThemeFont {
  /** The family written into PPTX files: a font Office has (Calibri, Arial, Cambria…). */
  name: string;
  /** The open, metric-compatible family that measures text and is embedded in HTML/PDF. */
  family: string;
  /** The @fontsource package that ships `family`… */
  package?: string;
  /** …or the font files themselves. */
  files?: FontFiles;
}

export interface ThemeColors {
  background: string;
  text: string;
  heading: string;
  accent: string;
  /** Text drawn on the accent colour (the section number pill). */
  accentText: string;
  muted: string;
  codeBackground: string;
  codeText: string;
  tableHeader: string;
  tableHeaderText: string;
  tableStripe: string;
  rule: string;
  titleBackground: string;
  titleText: string;
}

/** Colours of highlighted code, by kind of token. */
export interface CodeColors {
  keyword: string;
  string: string;
  number: string;
  comment: string;
  title: string;
  type: string;
  variable: string;
  meta: string;
}

/**
 * The title slide: `band` (coloured background, accent band at the start edge), `centered`
 * (coloured background, title and subtitle centred) or `plain` (the slide background, heading colour).
 */
export type TitleStyle = 'band' | 'centered' | 'plain';
/**
 * How sections open: `kicker` (the section number above each slide title), `divider` (a slide with the
 * number and title opens each numbered section, and the kicker stays) or `none` (no numbers shown).
 */
export type SectionStyle = 'kicker' | 'divider' | 'none';

export interface Theme {
  name: string;
  description: string;
  /** The theme file, when the theme came from one (built-ins included): errors and warnings name it. */
  source?: string;
  /** Every file the theme was read from: its own and each it `extends`, in that order. */
  sourceFiles?: string[];
  /** Slide aspect ratio. */
  size: '16:9' | '4:3';
  colors: ThemeColors;
  code: CodeColors;
  fonts: Record<FontRole, ThemeFont>;
  /** Font size multiplier of each role over the layouts' sizes (1 = as designed). */
  scale: Record<FontRole, number>;
  /** Line height (as a multiple of the font size) of each role. */
  lineHeight: Record<FontRole, number>;
  slideNumbers: boolean;
  footer?: string;
  /** Absolute path of the logo picture (PNG, JPEG, GIF or SVG). */
  logo?: string;
  titleStyle: TitleStyle;
  sectionStyle: SectionStyle;
  /** Replacements for the words the tool puts on slides and pages. */
  labels?: LabelOverrides;
  /** Absolute path of a folder whose templates override the built-in ones by file name. */
  templates?: string;
}

/** Where a font's files come from, as one string: caches and de-duplication key on it. */
export function fontKey(font: ThemeFont): string {
  return font.package ?? `file:${font.files?.regular ?? ''}`;
}
