// fontkit 2 ships no type declarations; this covers only what src/measure uses.
declare module 'fontkit' {
  export interface Glyph {
    /** Advance width in font units. */
    readonly advanceWidth: number;
  }

  export interface Font {
    readonly unitsPerEm: number;
    /** hhea ascender, font units (positive). */
    readonly ascent: number;
    /** hhea descender, font units (negative). */
    readonly descent: number;
    readonly lineGap: number;
    /** Every code point the font maps to a glyph. */
    readonly characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Shapes `text` with the font's default OpenType features (kerning, ligatures). */
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
  }

  export interface GlyphRun {
    /** Total advance in font units. */
    readonly advanceWidth: number;
  }

  export interface FontCollection {
    readonly fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
