/** The quick XML-character helpers agree with the exact pattern on every character and surrogate pairing. */
import { describe, expect, it } from 'vitest';
import { hasXmlIllegal, stripXmlIllegal, XML_ILLEGAL } from '../../src/read/xml-chars.js';
import { checkPackage } from '../../src/render/pptx/package.js';

const exactStrip = (text: string) => text.replace(XML_ILLEGAL, '');

describe('XML-illegal characters', () => {
  it('are found and removed exactly as the full pattern does, for every UTF-16 unit', () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      const exact = exactStrip(text);
      if (stripXmlIllegal(text) !== exact || hasXmlIllegal(text) !== (exact !== text)) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('keep paired surrogates and drop lone ones, wherever they stand', () => {
    for (const text of ['🚀', 'x🚀y', '\ud83d', '\ude80', '\ude80\ud83d', 'a\ud83d', '\ud83d\ud83d\ude80', 'ok\u000b', '\ufffe\uffff']) {
      expect(stripXmlIllegal(text), JSON.stringify(text)).toBe(exactStrip(text));
      expect(hasXmlIllegal(text), JSON.stringify(text)).toBe(exactStrip(text) !== text);
    }
  });

  it('fail the package check, lone surrogates too, which the strict parser lets through', () => {
    const parts = new Set(['a.xml', 'b.xml', 'c.xml', '[Content_Types].xml']);
    const xml = new Map([
      ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'],
      ['a.xml', '<a>vertical\u000btab</a>'],
      ['b.xml', '<b>lone \ud83d surrogate</b>'],
      ['c.xml', '<c>fine 🚀</c>'],
    ]);
    const problems = checkPackage(parts, xml);
    expect(problems.filter((p) => p.endsWith('XML-illegal character'))).toEqual(['a.xml: XML-illegal character', 'b.xml: XML-illegal character']);
    expect(problems.some((p) => p.startsWith('a.xml: 1:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('c.xml'))).toBe(false);
  });
});
