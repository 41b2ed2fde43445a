/** JSZip's base64 module: the one decoder every JSZip object uses (see unzipped.ts). */
declare module 'jszip/lib/base64.js' {
  const base64: { decode(input: string): Uint8Array; encode(input: string | Uint8Array): string };
  export default base64;
}
