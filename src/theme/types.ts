/** A theme: a handful of tokens that every renderer reads (issue 5 lets users write their own). */

export type FontRole = 'heading' | 'body' | 'mono';

export interface ThemeFont {
  /** The family written into PPTX files: a font Office has (Calibri, Arial, Cambria…). */
  name: string;
  /** The open, metric-compatible family that measures text and is embedded in HTML/PDF. */
  family: string;
  /** The @fontsource package that ships `family`. */
  package: string;
}

export interface ThemeColors {
  background: string;
  text: string;
  heading: string;
  accent: string;
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

export interface Theme {
  name: string;
  description: string;
  /** Slide aspect ratio. */
  size: '16:9' | '4:3';
  colors: ThemeColors;
  fonts: Record<FontRole, ThemeFont>;
  /** Line height (as a multiple of the font size) of each role. */
  lineHeight: Record<FontRole, number>;
  slideNumbers: boolean;
  footer?: string;
}
