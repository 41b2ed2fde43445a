/**
 * Bytes → text. Reports arrive from editors and agent pipelines on every platform, so we accept
 * UTF-8 with or without a BOM, UTF-16 with a BOM, and CRLF line ends; anything with NUL bytes and
 * no UTF-16 BOM is not a report.
 */
import { BriefdeckError, type Diagnostic } from '../types/diagnostics.js';
import { XML_ILLEGAL } from './xml-chars.js';

export interface Decoded {
  text: string;
  diagnostics: Diagnostic[];
}

export function decodeReport(bytes: Uint8Array, file: string): Decoded {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(start);
    if (looksBinary(body)) throw new BriefdeckError(`${file}: not a text file`, 1, file);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder('utf-8').decode(body);
      diagnostics.push({
        level: 'warning',
        code: 'encoding',
        message: 'the file is not valid UTF-8; invalid bytes were replaced with U+FFFD',
        file,
      });
    }
  }
  return { text: withoutControlCharacters(text.replace(/\r\n?/g, '\n'), file, diagnostics), diagnostics };
}

/**
 * Characters XML cannot hold make a PPTX malformed and print as nothing anywhere else, so they are
 * removed once, here, for every format.
 */
function withoutControlCharacters(text: string, file: string, diagnostics: Diagnostic[]): string {
  const found = text.match(XML_ILLEGAL);
  if (!found) return text;
  const first = text.search(XML_ILLEGAL);
  const line = text.slice(0, first).split('\n').length;
  diagnostics.push({
    level: 'warning',
    code: 'control-characters',
    message: `removed ${found.length} control character${found.length === 1 ? '' : 's'} that no slide can show (first at this line)`,
    file,
    line,
  });
  return text.replace(XML_ILLEGAL, '');
}

/** NUL bytes never occur in UTF-8 text; they are the mark of images, archives and executables. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
