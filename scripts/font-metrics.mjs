// Seeds dist/font-metrics/ with the default theme's font metrics: every advance of the main subsets
// and every kerning pair that widens text among the characters of Latin-script text. With the seed a
// first run on a new machine measures without loading fontkit or decoding a font file (~250 ms).
// Runs after `tsc`; does nothing when the seed for the installed font versions is already there.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = join(root, 'dist', 'font-metrics');
process.env.BRIEFDECK_CACHE_DIR = seed;
delete process.env.BRIEFDECK_CACHE;

const { loadTheme } = await import(join(root, 'dist', 'theme', 'load.js'));
const { loadFontFamily } = await import(join(root, 'dist', 'measure', 'fonts.js'));
const { flushMetricsCache } = await import(join(root, 'dist', 'measure', 'metrics-cache.js'));

const fonts = new Map(Object.values(loadTheme().fonts).map((f) => [f.package, f]));
const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const expected = [...fonts.keys()].map((pkg) => `${pkg.replace(/[^a-zA-Z0-9.@_-]+/g, '_')}@${version(pkg)}`);
const have = existsSync(seed) ? readdirSync(seed) : [];
if (expected.every((prefix) => have.filter((f) => f.startsWith(prefix)).length >= 4)) process.exit(0);

// Printable ASCII, Latin-1 letters and signs, and the punctuation word processors put in reports.
const chars = [];
for (let c = 0x20; c < 0x7f; c++) chars.push(c);
for (let c = 0xa0; c <= 0xff; c++) chars.push(c);
chars.push(0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0x2022, 0x20ac, 0x2212);

for (const font of fonts.values()) {
  const family = await loadFontFamily(font);
  for (const bold of [false, true]) {
    for (const italic of [false, true]) {
      const face = family.face(bold, italic);
      for (const a of chars) face.advance(a);
      for (const a of chars) for (const b of chars) face.kernWidening(a, b);
    }
  }
}
flushMetricsCache();

// Keep only the pairs that widen, and say which characters were covered.
const pairChars = String.fromCodePoint(...chars);
for (const file of readdirSync(seed).filter((f) => f.endsWith('.json'))) {
  const data = JSON.parse(readFileSync(join(seed, file), 'utf8'));
  data.pairs = Object.fromEntries(Object.entries(data.pairs).filter(([, em]) => em > 0));
  data.pairChars = pairChars;
  writeFileSync(join(seed, file), JSON.stringify(data));
}
