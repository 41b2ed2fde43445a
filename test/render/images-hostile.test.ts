/**
 * Pictures from strangers, end to end: every picture case a report may hold still gives a deck that
 * opens in Chromium and a strictly valid PowerPoint file, with a warning (never a stack trace, exit 0)
 * for each picture that became a placeholder. Remote pictures are fetched only with --allow-remote,
 * from a real HTTP server on 127.0.0.1, within a time limit, a size cap and a few redirects. A deck
 * of 200 pictures of 4000 × 3000 px stays a size one can mail.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { REMOTE_LIMITS } from '../../src/structure/remote-images.js';
import { discardImageFiles } from '../../src/structure/image-files.js';
import { PICTURE_LIMITS } from '../../src/render/picture.js';
import type { Diagnostic } from '../../src/types/diagnostics.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { CLI } from '../helpers/cli.js';
import { readPptx, type ReadPptx } from '../helpers/pptx.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/tmp.js';
import { bombPng, chartPng, noise, photoPng, pictureInfo, solidJpeg, solidPng } from '../helpers/images.js';
import { imageSources } from '../helpers/html-images.js';
import { openDeck } from '../helpers/html-layout.js';

const HOSTILE = path.join(FIXTURES, 'images-hostile', 'hostile-images.md');

// Fetched, inline and downscaled pictures live in a temporary folder until the process exits; a
// test worker may be ended without exiting, so the folder goes when the file is done.
afterAll(discardImageFiles);

/** The CLI as a user runs it, without blocking this process (the test's own server must answer). */
function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', BRIEFDECK_DEBUG: '' }, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Line of the first line of `file` that names `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

/** The pictures a built HTML deck embeds, decoded. */
async function htmlPictures(html: string): Promise<{ data: string; width: number; height: number }[]> {
  const urls = imageSources(html).filter((src) => /^data:image\/[^;]+;base64,/.test(src));
  return Promise.all(
    urls.map(async (data) => {
      const bytes = Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
      if (data.startsWith('data:image/svg+xml')) return { data, width: 0, height: 0 };
      const info = await pictureInfo(bytes);
      return { data, width: info.width, height: info.height };
    }),
  );
}

/** The media parts of a PPTX, decoded. */
async function pptxMedia(buffer: Buffer): Promise<{ name: string; bytes: number; width: number; height: number }[]> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && !zip.files[n].dir);
  return Promise.all(
    names.map(async (name) => {
      const bytes = await zip.file(name)!.async('nodebuffer');
      const info = await pictureInfo(bytes);
      return { name, bytes: bytes.length, width: info.width, height: info.height };
    }),
  );
}

const pictures = (pptx: ReadPptx) => pptx.slides.flatMap((s) => s.shapes.filter((sh) => sh.kind === 'p:pic'));
const placeholders = (pptx: ReadPptx) => pptx.slides.flatMap((s) => s.shapes.filter((sh) => sh.name === 'Missing picture'));

/** The fixture report in a folder of its own, with the pictures it names written beside it. */
async function hostileReport(): Promise<string> {
  const root = tempDir('briefdeck-hostile-');
  const dir = path.join(root, 'report');
  mkdirSync(dir);
  const file = path.join(dir, 'hostile-images.md');
  copyFileSync(HOSTILE, file);
  const png = await solidPng(300, 200, '#2a6f97');
  const jpeg = await solidJpeg(300, 200, '#a4133c');
  writeFileSync(path.join(root, 'outside.png'), await solidPng(40, 40, '#ff0000'));
  writeFileSync(path.join(root, 'secret.png'), await solidPng(40, 40, '#ff0000'));
  const files: Record<string, Buffer | string> = {
    'chart.png': await chartPng(640, 360, 1),
    'photo-named.png': await solidJpeg(320, 240, '#6a994e'),
    'drawing.jpg': '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><circle cx="160" cy="90" r="80" fill="#bc4749"/></svg>',
    'huge.png': await photoPng(4000, 3000, 5),
    'leaky.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="330" height="170"><rect width="330" height="170" fill="#386641"/><image href="${path.join(root, 'secret.png')}" width="330" height="170"/></svg>`,
    'empty.png': Buffer.alloc(0),
    'noise.png': noise(5000),
    'cut.png': png.subarray(0, png.length >> 1),
    'cut.jpg': jpeg.subarray(0, jpeg.length >> 1),
    'bomb.png': bombPng(20_000, 20_000),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  return file;
}

/** The warnings the hostile report must give, as `line code`, in the order of the report. */
function expectedWarnings(file: string): string[] {
  return [
    ['empty.png', 'image-unreadable'],
    ['noise.png', 'image-unreadable'],
    ['cut.png', 'image-unreadable'],
    ['cut.jpg', 'image-unreadable'],
    ['bomb.png', 'image-too-large'],
    ['missing.png', 'image-missing'],
    ['../outside.png', 'image-outside'],
    ['/etc/passwd', 'image-outside'],
    ['https://example.invalid', 'image-remote'],
    ['data:image/webp', 'image-unreadable'],
    ['bm90IGEgcGljdHVyZQ', 'image-unreadable'],
  ].map(([src, code]) => `${lineOf(file, src)} ${code}`);
}
const SHOWN = 6;
const PLACEHOLDERS = 11;

const warningsOf = (ds: Diagnostic[]) => ds.filter((d) => d.level === 'warning').map((d) => `${d.line} ${d.code}`);

describe('a report whose pictures are missing, empty, corrupt, mislabelled, SVG or enormous', () => {
  let file: string;
  let out: string;
  let html: string;
  let pptx: ReadPptx;
  let pptxBuffer: Buffer;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    file = await hostileReport();
    out = tempDir('briefdeck-hostile-out-');
    const [result] = await build([file], { formats: ['html', 'pptx'], out });
    diagnostics = result.diagnostics;
    html = readFileSync(path.join(out, 'hostile-images.html'), 'utf8');
    pptxBuffer = readFileSync(path.join(out, 'hostile-images.pptx'));
    pptx = await readPptx(pptxBuffer);
  }, 120_000);

  it('builds, with one warning naming file:line for each picture it could not show', () => {
    expect(warningsOf(diagnostics)).toEqual(expectedWarnings(file));
    expect(diagnostics.every((d) => d.file === file)).toBe(true);
  });

  it('embeds the sound pictures in the HTML, each at most 2560 px on its long side, and placeholders for the rest', async () => {
    const shown = await htmlPictures(html);
    expect(shown).toHaveLength(SHOWN);
    for (const p of shown) expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(PICTURE_LIMITS.maxSide);
    // The photograph named .png is embedded as what it is; the drawing named .jpg stays a drawing.
    expect(shown.filter((p) => p.data.startsWith('data:image/jpeg')).length).toBeGreaterThanOrEqual(1);
    expect(shown.filter((p) => p.data.startsWith('data:image/svg+xml'))).toHaveLength(1);
    expect(html.match(/class="image-missing"/g)).toHaveLength(PLACEHOLDERS);
  });

  it('writes a strictly valid PowerPoint file with the same pictures and placeholders', async () => {
    expect(pptx.problems).toEqual([]);
    expect(pictures(pptx)).toHaveLength(SHOWN);
    expect(placeholders(pptx)).toHaveLength(PLACEHOLDERS);
    for (const m of await pptxMedia(pptxBuffer)) expect(Math.max(m.width, m.height), m.name).toBeLessThanOrEqual(PICTURE_LIMITS.maxSide);
  });

  it('never draws the file an SVG points to outside the report folder', async () => {
    // The leaky drawing (330 × 170, drawn at twice that) is green with the red secret on top;
    // drawn without it, no pixel is red — in PowerPoint and in the HTML alike.
    const leaky = (await pptxMedia(pptxBuffer)).filter((m) => m.width === 660 && m.height === 340);
    expect(leaky).toHaveLength(1);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(pptxBuffer);
    const sharp = (await import('sharp')).default;
    const inPptx = await sharp(await zip.file(leaky[0].name)!.async('nodebuffer')).stats();
    expect(inPptx.channels[0].max).toBeLessThan(128);
    const inHtml = (await htmlPictures(html)).filter((p) => p.width === 660 && p.height === 340);
    expect(inHtml).toHaveLength(1);
    const htmlStats = await sharp(Buffer.from(inHtml[0].data.slice(inHtml[0].data.indexOf(',') + 1), 'base64')).stats();
    expect(htmlStats.channels[0].max).toBeLessThan(128);
  });

  it.skipIf(!hasBrowser)('opens in Chromium: every embedded picture decodes, nothing is fetched, no errors', async () => {
    const { browser, close } = await launchBrowser();
    try {
      const { page, errors, requests } = await openDeck(browser, path.join(out, 'hostile-images.html'));
      const seen = await page.evaluate(async () => {
        const imgs = [...document.querySelectorAll<HTMLImageElement>('.slides img')];
        await Promise.all(imgs.map((i) => i.decode().catch(() => undefined)));
        return { decoded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length, all: imgs.length, missing: document.querySelectorAll('.slides .image-missing').length };
      });
      expect(seen).toEqual({ decoded: SHOWN, all: SHOWN, missing: PLACEHOLDERS });
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('through the CLI: exit 0, one warning line each on stderr, no stack trace', async () => {
    const r = await cli(['build', file, '-f', 'html,pptx', '-o', tempDir('briefdeck-hostile-cli-')]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes(': warning: '));
    expect(lines).toHaveLength(expectedWarnings(file).length);
    expect(lines[0]).toBe(`${file}:${lineOf(file, 'empty.png')}: warning: image is empty: empty.png`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('--allow-path', () => {
  it('lets the CLI read pictures from a named folder, and still nothing beside it', async () => {
    const root = tempDir('briefdeck-allow-');
    for (const d of ['report', 'brand', 'private']) mkdirSync(path.join(root, d));
    writeFileSync(path.join(root, 'brand', 'logo.png'), await solidPng(200, 100, '#1d3557'));
    writeFileSync(path.join(root, 'private', 'logo.png'), await solidPng(200, 100, '#e63946'));
    const file = path.join(root, 'report', 'r.md');
    writeFileSync(file, '# Brand\n\n## Logo\n\n![Our logo](../brand/logo.png)\n\n![Not ours](../private/logo.png)\n');
    const out = tempDir('briefdeck-allow-out-');
    const r = await cli(['build', file, '-f', 'html,pptx', '-o', out, '--allow-path', path.join(root, 'brand')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('warning'))).toEqual([
      `${file}:7: warning: image outside the report's folder and --allow-path folders not embedded: ../private/logo.png`,
    ]);
    const shown = await htmlPictures(readFileSync(path.join(out, 'r.html'), 'utf8'));
    const logo = `data:image/png;base64,${readFileSync(path.join(root, 'brand', 'logo.png')).toString('base64')}`;
    expect(shown.map((p) => p.data === logo)).toEqual([true]);
    const pptx = await readPptx(readFileSync(path.join(out, 'r.pptx')));
    expect(pptx.problems).toEqual([]);
    expect(pictures(pptx)).toHaveLength(1);
  }, 120_000);
});

describe('remote pictures', () => {
  let server: http.Server;
  let base: string;
  const hits = new Map<string, number>();
  let chart: Buffer;
  const saved = { ...REMOTE_LIMITS };

  beforeAll(async () => {
    chart = await chartPng(480, 270, 7);
    // Small limits keep the test quick: a slow answer is given up on after half a second.
    REMOTE_LIMITS.timeoutMs = 500;
    REMOTE_LIMITS.maxBytes = 512 * 1024;
    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      if (url === '/chart.png' || url === '/counted.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(chart);
      if (url === '/as-text.png') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(chart);
      if (url === '/moved.png') return void res.writeHead(302, { location: '/chart.png' }).end();
      if (url === '/to-file.png') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (url === '/loop.png') return void res.writeHead(302, { location: '/loop.png' }).end();
      if (url === '/page.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><title>Sign in</title><p>Please sign in.</p>');
      if (url === '/slow.png') return void res.writeHead(200, { 'content-type': 'image/png' }).write(chart.subarray(0, 100)); // and never ends
      if (url === '/endless.png') {
        // No Content-Length: the cap must hold while the body streams in.
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(chart);
        const more = () => res.write(noise(64 * 1024), () => setImmediate(more));
        return void more();
      }
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    Object.assign(REMOTE_LIMITS, saved);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function report(lines: string[]): string {
    const dir = tempDir('briefdeck-remote-');
    const file = path.join(dir, 'remote.md');
    writeFileSync(file, `# Remote pictures\n\n## Figures\n\n${lines.map((l) => `${l}\n\n`).join('')}Text.\n`);
    return file;
  }

  it('are not fetched without --allow-remote: no request reaches the server', async () => {
    const file = report([`![Chart](${base}/chart.png)`]);
    const [result] = await build([file], { formats: ['html'], out: tempDir('briefdeck-remote-out-') });
    expect(warningsOf(result.diagnostics)).toEqual(['5 image-remote']);
    expect(hits.size).toBe(0);
  });

  it('are fetched with --allow-remote, judged by their bytes, each URL once; failures become placeholders with the reason', async () => {
    const file = report([
      `![Chart](${base}/chart.png)`,
      `![Counted](${base}/counted.png)`,
      `![Counted again](${base}/counted.png)`,
      `![Served as text](${base}/as-text.png)`,
      `![Moved](${base}/moved.png)`,
      `![Slow](${base}/slow.png)`,
      `![Gone](${base}/gone.png)`,
      `![To a file](${base}/to-file.png)`,
      `![Loop](${base}/loop.png)`,
      `![Endless](${base}/endless.png)`,
      `![Sign-in page](${base}/page.png)`,
      `![Counted a third time](${base}/counted.png)`,
    ]);
    const out = tempDir('briefdeck-remote-out-');
    const [result] = await build([file], { formats: ['html', 'pptx'], out, allow: { remote: true } });
    const warnings = result.diagnostics.filter((d) => d.level === 'warning').map((d) => `${d.line} ${d.code}: ${d.message}`);
    expect(warnings).toEqual([
      `15 image-fetch-failed: image could not be fetched (no answer within 0.5 s): ${base}/slow.png`,
      `17 image-fetch-failed: image could not be fetched (HTTP 404): ${base}/gone.png`,
      `19 image-fetch-failed: image could not be fetched (redirected to a file: URL): ${base}/to-file.png`,
      `21 image-fetch-failed: image could not be fetched (more than 5 redirects): ${base}/loop.png`,
      `23 image-fetch-failed: image could not be fetched (larger than 0.5 MB): ${base}/endless.png`,
      `25 image-fetch-failed: image could not be fetched (not a picture): ${base}/page.png`,
    ]);
    expect(hits.get('/counted.png')).toBe(1);
    expect(hits.get('/loop.png')).toBe(REMOTE_LIMITS.maxRedirects + 1);

    // Six pictures show (chart, counted ×3, served as text, moved), all the same bytes as served.
    const html = readFileSync(path.join(out, 'remote.html'), 'utf8');
    const shown = await htmlPictures(html);
    const served = `data:image/png;base64,${chart.toString('base64')}`;
    expect(shown.map((p) => p.data === served)).toEqual(Array(6).fill(true));
    expect(html.match(/class="image-missing"/g)).toHaveLength(6);
    const pptx = await readPptx(readFileSync(path.join(out, 'remote.pptx')));
    expect(pptx.problems).toEqual([]);
    expect(pictures(pptx)).toHaveLength(6);
    // The same picture from six slides is one media part.
    expect(pptx.parts.filter((p) => p.startsWith('ppt/media/') && !p.endsWith('/'))).toHaveLength(1);

    // A second build in the same run asks the server for nothing again.
    const before = [...hits.values()].reduce((a, b) => a + b, 0);
    await build([file], { formats: ['html'], out, allow: { remote: true } });
    expect([...hits.values()].reduce((a, b) => a + b, 0)).toBe(before);
  }, 60_000);
});

describe('a deck of 200 pictures of 4000 × 3000 px', () => {
  let out: string;
  let originals = 0;
  let result: Awaited<ReturnType<typeof build>>[number];

  beforeAll(async () => {
    const dir = tempDir('briefdeck-many-');
    out = tempDir('briefdeck-many-out-');
    for (let i = 0; i < 20; i++) {
      const png = await chartPng(4000, 3000, i);
      originals += png.length;
      writeFileSync(path.join(dir, `figure-${i + 1}.png`), png);
    }
    const sections = Array.from({ length: 20 }, (_, s) => {
      const figures = Array.from({ length: 10 }, (_, k) => `![Figure ${s * 10 + k + 1}](figure-${((s * 10 + k) % 20) + 1}.png)`);
      return `## Part ${s + 1}\n\nWhat the figures of part ${s + 1} show.\n\n${figures.join('\n\n')}\n`;
    });
    const file = path.join(dir, 'figures.md');
    writeFileSync(file, `# Two Hundred Figures\n\n${sections.join('\n')}`);
    [result] = await build([file], { formats: ['html', 'pptx'], out });
  }, 300_000);

  it('builds without a warning, a slide for each picture', () => {
    expect(result.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
    expect(result.slides).toBeGreaterThanOrEqual(200);
  });

  it('stores each distinct picture once in the PPTX, downscaled to 2560 px, in a strictly valid package of a few MB', async () => {
    const buffer = readFileSync(path.join(out, 'figures.pptx'));
    const pptx = await readPptx(buffer);
    expect(pptx.problems).toEqual([]);
    expect(pictures(pptx)).toHaveLength(200);
    const media = await pptxMedia(buffer);
    expect(media).toHaveLength(20);
    for (const m of media) expect([m.width, m.height]).toEqual([2560, 1920]);
    // The pictures as drawn and the slides' XML: well under the originals, and under 8 MB.
    const pictureBytes = media.reduce((a, m) => a + m.bytes, 0);
    expect(buffer.length).toBeLessThan(pictureBytes + 2 * 2 ** 20);
    expect(buffer.length).toBeLessThan(8 * 2 ** 20);
    expect(buffer.length).toBeLessThan(originals);
  });

  it('embeds every picture in the HTML at 2560 px at most', async () => {
    const html = readFileSync(path.join(out, 'figures.html'), 'utf8');
    const shown = await htmlPictures(html);
    expect(shown).toHaveLength(200);
    expect(new Set(shown.map((p) => p.data)).size).toBe(20);
    for (const p of shown) expect([p.width, p.height]).toEqual([2560, 1920]);
    // Each distinct picture is written once however many slides show it: the deck is its 20 pictures
    // as drawn, plus reveal.js and the fonts.
    const distinct = [...new Set(shown.map((p) => p.data))].reduce((a, d) => a + d.length, 0);
    expect(html.length).toBeLessThan(distinct + 4 * 2 ** 20);
  });
});
