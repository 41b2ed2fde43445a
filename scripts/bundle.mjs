// Bundles the CLI into dist/bin/ with esbuild. Resolving hundreds of small ESM modules (micromark,
// unified, yaml…) cost ~200 ms per run; one bundle with a chunk per command starts in a fraction
// of that. Heavy optional parts stay external and load only when a report needs them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded on demand (code, fonts not yet cached): keep them out of the startup path.
  external: ['fontkit', 'highlight.js'],
  // Printing's libraries are bundled too, each in chunks a print loads when it starts: puppeteer-core
  // loads in 70 ms instead of 166 ms from its hundreds of files, and pdf-lib, from its own one-file
  // ES build, in 30 ms instead of 100 ms from its CommonJS build.
  alias: { 'pdf-lib': 'pdf-lib/dist/pdf-lib.esm.min.js' },
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __bdRequire } from 'node:module'; const require = __bdRequire(import.meta.url);" },
  logLevel: 'warning',
});

// MathJax, loaded only for reports with math, as one CommonJS file (src/mathjax-kit.cjs says why).
await build({
  entryPoints: [join(root, 'src', 'mathjax-kit.cjs')],
  outfile: join(root, 'dist', 'mathjax-kit.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
