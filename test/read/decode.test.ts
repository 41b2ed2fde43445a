/** Reports arrive in every encoding editors and pipelines write: they all read the same. */
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/read/decode.js';

const text = '# Título\n\nRésumé — naïve café.\n';

describe('decodeReport', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeReport(Buffer.from(text), 'r.md').text).toBe(text);
    expect(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'r.md').text).toBe(text);
  });

  it('turns CRLF and CR line ends into LF', () => {
    expect(decodeReport(Buffer.from(text.replace(/\n/g, '\r\n')), 'r.md').text).toBe(text);
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeReport(le, 'r.md').text).toBe(text);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeReport(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'r.md').text).toBe(text);
  });

  it('refuses binary files', () => {
    expect(() => decodeReport(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'archive.md')).toThrow('archive.md: not a text file');
  });

  it('warns about, and keeps, text that is not valid UTF-8', () => {
    const r = decodeReport(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'latin1.md');
    expect(r.text).toBe('Caf\ufffd\n');
    expect(r.diagnostics[0]).toMatchObject({ level: 'warning', code: 'encoding', file: 'latin1.md' });
  });
});
