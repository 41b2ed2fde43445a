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
  // Loaded on demand (code, fonts not yet cached, printing): keep them out of the startup path.
  // pdf-lib too: bundled, its CommonJS build hides its named exports from a dynamic import().
  external: ['fontkit', 'highlight.js', 'puppeteer-core', 'pdf-lib'],
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
