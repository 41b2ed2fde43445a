/**
 * What a report's images become when it is read: a picture to embed (with the type its bytes say,
 * whatever its name), or a placeholder and a warning naming the report's file and line. Images are
 * read from the report's folder and from `--allow-path` folders only, whatever `..` or symlinks say.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { loadReport } from '../../src/pipeline.js';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure, type InputAllowances } from '../../src/structure/structure.js';
import { IMAGE_LIMITS, type ImageProbe } from '../../src/structure/images.js';
import { discardImageFiles } from '../../src/structure/image-files.js';
import { svgSelfContained } from '../../src/render/picture.js';
import { assetPicture } from '../../src/render/pptx/images.js';
import type { Diagnostic } from '../../src/types/diagnostics.js';
import type { Report, ReportBlock } from '../../src/types/report.js';
import { tempDir } from '../helpers/tmp.js';
import { bombPng, noise, pictureInfo, solidJpeg, solidPng } from '../helpers/images.js';

type Image = Extract<ReportBlock, { kind: 'image' }>;

function images(report: Report): Image[] {
  const all = [...report.preamble, ...report.sections.flatMap((s) => s.blocks), ...report.conclusion];
  return all.filter((b): b is Image => b.kind === 'image');
}

/** A report in a folder of its own, with `files` beside it; read as the CLI reads it. */
async function read(files: Record<string, Buffer | string>, markdown: string, allow: InputAllowances = {}) {
  const dir = tempDir('briefdeck-report-');
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  const file = path.join(dir, 'report.md');
  writeFileSync(file, markdown);
  const { report, diagnostics } = await loadReport(file, allow);
  return { dir, file, images: images(report), warnings: diagnostics.filter((d) => d.level === 'warning') };
}

const where = (d: Diagnostic) => `${path.basename(d.file ?? '')}:${d.line} ${d.code}`;
const bytesOf = (dir: string, probe: ImageProbe) => readFileSync(path.resolve(dir, probe.path));

describe('local images', () => {
  it('embeds a picture from the report folder by its path relative to it', async () => {
    const { images: [img], warnings } = await read({ 'img/chart.png': await solidPng(40, 30, '#336699') }, '# T\n\n![Chart](img/chart.png)\n');
    expect(warnings).toEqual([]);
    expect(img.probe).toEqual({ path: 'img/chart.png', width: 40, height: 30, mime: 'image/png' });
  });

  it('refuses an image reached with .., an absolute path or a symlink out of the folder, naming file:line', async () => {
    const outside = tempDir('briefdeck-outside-');
    writeFileSync(path.join(outside, 'secret.png'), await solidPng(8, 8, '#ff0000'));
    const dir = tempDir('briefdeck-report-');
    const report = path.join(dir, 'report');
    mkdirSync(report);
    symlinkSync(path.join(outside, 'secret.png'), path.join(report, 'link.png'));
    const rel = path.relative(report, path.join(outside, 'secret.png'));
    const md = `# T\n\n![a](${rel})\n\n![b](${path.join(outside, 'secret.png')})\n\n![c](link.png)\n\n![d](file://${path.join(outside, 'secret.png')})\n`;
    writeFileSync(path.join(report, 'report.md'), md);
    const { report: r, diagnostics } = await loadReport(path.join(report, 'report.md'));
    expect(images(r).map((i) => i.probe)).toEqual([undefined, undefined, undefined, undefined]);
    expect(diagnostics.map(where)).toEqual(['report.md:3 image-outside', 'report.md:5 image-outside', 'report.md:7 image-outside', 'report.md:9 image-outside']);
    expect(diagnostics[0].message).toBe(`image outside the report's folder and --allow-path folders not embedded: ${rel}`);
  });

  it('reads from an --allow-path folder (after symlinks) by absolute path, and nowhere beside it', async () => {
    const parent = tempDir('briefdeck-allowed-');
    mkdirSync(path.join(parent, 'shared'));
    mkdirSync(path.join(parent, 'shared-not'));
    writeFileSync(path.join(parent, 'shared', 'logo.png'), await solidPng(20, 10, '#00aa00'));
    writeFileSync(path.join(parent, 'shared-not', 'logo.png'), await solidPng(20, 10, '#aa0000'));
    symlinkSync(path.join(parent, 'shared'), path.join(parent, 'alias'));
    const md = `# T\n\n![in](${path.join(parent, 'shared', 'logo.png')})\n\n![sibling](${path.join(parent, 'shared-not', 'logo.png')})\n`;
    const { images: imgs, warnings } = await read({}, md, { paths: [path.join(parent, 'alias')] });
    expect(imgs[0].probe?.path).toBe(path.join(parent, 'shared', 'logo.png'));
    expect(path.isAbsolute(imgs[0].probe!.path)).toBe(true);
    expect(imgs[1].probe).toBeUndefined();
    expect(warnings.map(where)).toEqual(['report.md:5 image-outside']);
  });

  it('an --allow-path folder that does not exist allows nothing', async () => {
    const { warnings } = await read({}, '# T\n\n![x](/nowhere/at/all/x.png)\n', { paths: ['/nowhere/at/all'] });
    expect(warnings.map((d) => d.code)).toEqual(['image-missing']);
  });

  it('judges a file by its bytes: a JPEG named .png is a JPEG, an SVG named .jpg an SVG', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"><rect width="64" height="32" fill="#468"/></svg>';
    const { images: [jpeg, drawing], warnings } = await read({ 'photo.png': await solidJpeg(30, 20, '#884422'), 'drawing.jpg': svg }, '# T\n\n![p](photo.png)\n\n![d](drawing.jpg)\n');
    expect(warnings).toEqual([]);
    expect(jpeg.probe).toMatchObject({ path: 'photo.png', mime: 'image/jpeg', width: 30, height: 20 });
    expect(drawing.probe).toMatchObject({ path: 'drawing.jpg', mime: 'image/svg+xml', width: 64, height: 32 });
  });

  it('turns empty, garbled, truncated and misnamed-but-broken files into placeholders with a warning each', async () => {
    const png = await solidPng(300, 200, '#123456');
    const jpeg = await solidJpeg(300, 200, '#654321');
    const files = {
      'empty.png': Buffer.alloc(0),
      'noise.png': noise(4096),
      'cut.png': png.subarray(0, Math.floor(png.length / 2)),
      'cut.jpg': jpeg.subarray(0, Math.floor(jpeg.length / 2)),
      'broken.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10"',
      'page.png': '<!doctype html><html><body>Not found</body></html>',
    };
    const md = `# T\n\n${Object.keys(files).map((f) => `![${f}](${f})`).join('\n\n')}\n`;
    const { images: imgs, warnings } = await read(files, md);
    expect(imgs.map((i) => i.probe)).toEqual(Object.keys(files).map(() => undefined));
    expect(warnings.map((d) => `${d.line} ${d.code}`)).toEqual(['3 image-unreadable', '5 image-unreadable', '7 image-unreadable', '9 image-unreadable', '11 image-unreadable', '13 image-unreadable']);
    expect(warnings[0].message).toBe('image is empty: empty.png');
    expect(warnings[1].message).toBe('image format not supported: noise.png');
    expect(warnings[2].message).toBe('image could not be decoded (corrupt or truncated): cut.png');
    expect(warnings[3].message).toBe('image could not be decoded (corrupt or truncated): cut.jpg');
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = bombPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200_000);
    const { images: [img], warnings } = await read({ 'bomb.png': bomb }, '# T\n\n![b](bomb.png)\n');
    expect(img.probe).toBeUndefined();
    expect(warnings.map(where)).toEqual(['report.md:3 image-too-large']);
    expect(warnings[0].message).toBe('image too large to embed (20000×20000 px, over 100 megapixels): bomb.png');
  });

  it('downscales a picture at the pixel cap to 2560 px on its long side', async () => {
    const { images: [img], warnings } = await read({ 'big.png': bombPng(12_000, 8_000) }, '# T\n\n![b](big.png)\n');
    expect(warnings).toEqual([]);
    expect(img.probe).toMatchObject({ width: 12_000, height: 8_000, mime: 'image/png' });
    expect(path.isAbsolute(img.probe!.path)).toBe(true);
    expect(await pictureInfo(readFileSync(img.probe!.path))).toEqual({ width: 2560, height: 1707, format: 'png' });
  });

  it('turns a camera JPEG upright by its EXIF orientation when it downscales it', async () => {
    // Stored 4000 × 3000 and marked "turn a quarter": shown 3000 × 4000.
    const turned = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#8ab17d' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { images: [img], warnings } = await read({ 'camera.jpg': turned }, '# T\n\n![c](camera.jpg)\n');
    expect(warnings).toEqual([]);
    expect(img.probe).toMatchObject({ width: 3000, height: 4000, mime: 'image/jpeg' });
    expect(await pictureInfo(readFileSync(img.probe!.path))).toEqual({ width: 1920, height: 2560, format: 'jpeg' });
  });

  it('keeps a GIF as it is unless it is huge, and then shows its first frame downscaled', async () => {
    const small = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#e9c46a' } }).gif().toBuffer();
    const huge = await sharp({ create: { width: 6000, height: 400, channels: 3, background: '#264653' } }).gif().toBuffer();
    const { images: [a, b], warnings } = await read({ 'small.gif': small, 'huge.gif': huge }, '# T\n\n![a](small.gif)\n\n![b](huge.gif)\n');
    expect(warnings).toEqual([]);
    expect(a.probe).toEqual({ path: 'small.gif', width: 300, height: 100, mime: 'image/gif' });
    expect(b.probe).toMatchObject({ width: 6000, height: 400, mime: 'image/png' });
    expect(await pictureInfo(readFileSync(b.probe!.path))).toEqual({ width: 2560, height: 171, format: 'png' });
  });
});

describe('data: URLs', () => {
  it('embeds PNG, JPEG, GIF and SVG data without --allow-remote', async () => {
    const png = (await solidPng(12, 6, '#0055aa')).toString('base64');
    const svg = encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"/>');
    const { dir, images: [a, b], warnings } = await read({}, `# T\n\n![a](data:image/png;base64,${png})\n\n![b](data:image/svg+xml,${svg})\n`);
    expect(warnings).toEqual([]);
    expect(a.probe).toMatchObject({ width: 12, height: 6, mime: 'image/png' });
    expect(bytesOf(dir, a.probe!).toString('base64')).toBe(png);
    expect(b.probe).toMatchObject({ width: 20, height: 10, mime: 'image/svg+xml' });
  });

  it('refuses other types, bytes that are not what they claim, and data over the size cap', async () => {
    const webp = (await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).webp().toBuffer()).toString('base64');
    const html = Buffer.from('<html>not a picture</html>').toString('base64');
    const big = (await solidPng(400, 400, '#777777')).toString('base64');
    const saved = IMAGE_LIMITS.maxDataBytes;
    IMAGE_LIMITS.maxDataBytes = 512;
    try {
      const md = `# T\n\n![w](data:image/webp;base64,${webp})\n\n![h](data:image/png;base64,${html})\n\n![big](data:image/png;base64,${big})\n\n![t](data:text/html,<b>hi</b>)\n`;
      const { images: imgs, warnings } = await read({}, md);
      expect(imgs.map((i) => i.probe)).toEqual([undefined, undefined, undefined, undefined]);
      expect(warnings.map((d) => `${d.line} ${d.code}`)).toEqual(['3 image-unreadable', '5 image-unreadable', '7 image-too-large', '9 image-unreadable']);
      expect(warnings[0].message).toMatch(/^image data URL of type "image\/webp" not embedded \(PNG, JPEG, GIF or SVG only\): data:image\/webp;base64,\S{1,30}…$/);
      // A warning quotes the start of a data URL, never the megabytes after it.
      for (const w of warnings) expect(w.message.length).toBeLessThan(140);
    } finally {
      IMAGE_LIMITS.maxDataBytes = saved;
    }
  });
});

describe('remote images without --allow-remote', () => {
  it('are not fetched: a placeholder and a warning that names the flag', async () => {
    const { images: [img], warnings } = await read({}, '# T\n\n![r](https://example.com/chart.png)\n');
    expect(img.probe).toBeUndefined();
    expect(warnings.map((d) => `${d.line} ${d.code}: ${d.message}`)).toEqual(['3 image-remote: remote image not fetched (--allow-remote fetches it): https://example.com/chart.png']);
  });

  it('structure() alone, which cannot wait for the network, says so instead of dropping them silently', () => {
    const md = '# T\n\n![r](https://example.com/chart.png)\n';
    const { diagnostics } = structure(parseMarkdown(md, 'r.md'), { file: 'r.md', baseDir: '.', allow: { remote: true } });
    expect(diagnostics.map((d) => d.code)).toEqual(['image-remote-pending']);
  });
});

describe('SVGs that point outside themselves', () => {
  it('tells a self-contained drawing from one that names a file, a URL or a stylesheet', () => {
    const svg = (inner: string, doctype = '') => `${doctype}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${inner}</svg>`;
    expect(svgSelfContained(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/>'))).toBe(true);
    expect(svgSelfContained(svg('<rect/>', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'))).toBe(true);
    expect(svgSelfContained(svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'))).toBe(true);
    expect(svgSelfContained(svg('<image href="/etc/hostname.png" width="1" height="1"/>'))).toBe(false);
    expect(svgSelfContained(svg('<image xlink:href="&#47;etc/x.png" width="1" height="1"/>'))).toBe(false);
    expect(svgSelfContained(svg('<use href="other.svg#a"/>'))).toBe(false);
    expect(svgSelfContained(svg('<image href="data:image/svg+xml,%3Csvg%3E" width="1" height="1"/>'))).toBe(false);
    expect(svgSelfContained(svg('<style>@import "x.css";</style>'))).toBe(false);
    expect(svgSelfContained(svg('<rect style="fill: url( \'file:///x\' )"/>'))).toBe(false);
    expect(svgSelfContained(svg('<rect/>', '<!DOCTYPE svg [<!ENTITY x "y">]>'))).toBe(false);
    expect(svgSelfContained('<svg')).toBe(false);
  });

  it('draws such an SVG without what it points to, as a PNG, in HTML and PowerPoint alike', async () => {
    const outside = tempDir('briefdeck-outside-');
    const secret = path.join(outside, 'secret.png');
    writeFileSync(secret, await solidPng(50, 50, '#ff0000'));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#0000ff"/><image href="${secret}" width="100" height="50"/></svg>`;
    const { dir, images: [img], warnings } = await read({ 'leaky.svg': svg }, '# T\n\n![l](leaky.svg)\n');
    expect(warnings).toEqual([]);
    expect(img.probe).toMatchObject({ mime: 'image/png', width: 100, height: 50 });
    const stats = await sharp(bytesOf(dir, img.probe!)).stats();
    // Blue everywhere: the red file it names was not read.
    expect(stats.channels[0].max).toBe(0);
    expect(stats.channels[2].min).toBe(255);
    // A caller that skipped loadReport gets a placeholder in PowerPoint, not the file.
    expect(assetPicture({ src: 'leaky.svg', path: 'leaky.svg', width: 100, height: 50, mime: 'image/svg+xml' }, dir, 100)).toBeUndefined();
  });

  it('refuses an SVG that carries a decompression bomb inside it', async () => {
    const bomb = bombPng(20_000, 20_000).toString('base64');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="data:image/png;base64,${bomb}" width="100" height="100"/></svg>`;
    expect(svgSelfContained(svg)).toBe(false);
    const { images: [img], warnings } = await read({ 'bomb.svg': svg }, '# T\n\n![b](bomb.svg)\n');
    expect(img.probe).toBeUndefined();
    expect(warnings.map((d) => `${d.line} ${d.code}: ${d.message}`)).toEqual(['3 image-too-large: image too large to embed (SVG holding a picture over 100 megapixels): bomb.svg']);
  });
});

afterAll(discardImageFiles);
