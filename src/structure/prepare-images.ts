/**
 * The asynchronous half of reading a report's images, run by `loadReport` after `structure`:
 * remote images are fetched (with `--allow-remote`), and every picture is decoded once and, when far
 * larger than a slide needs, downscaled. A picture that fails either becomes a placeholder with a
 * warning naming the report's file and line; nothing here throws.
 */
import path from 'node:path';
import type { Diagnostic } from '../types/diagnostics.js';
import type { Report, ReportBlock, Section } from '../types/report.js';
import type { InputAllowances } from './structure.js';
import { isHttpUrl, quoteSrc, sniffImage, sniffWarning } from './images.js';
import { storeImageBytes } from './image-files.js';
import { fetchImage } from './remote-images.js';
import { preparePicture } from '../render/picture.js';

type ImageBlock = Extract<ReportBlock, { kind: 'image' }>;

/** Pictures decoded or downscaled at once: sharp spreads each over the cores already. */
const PREPARING_AT_ONCE = 2;

export interface PrepareOptions {
  /** The report's path as the user named it, for warnings. */
  file: string;
  /** The report's folder: relative image paths resolve against it. */
  baseDir: string;
  allow?: InputAllowances;
}

/**
 * Fetches and prepares the images of `report` in place (their `probe` is set, replaced or removed)
 * and returns the warnings, in the order the images appear.
 */
export async function prepareImages(report: Report, opts: PrepareOptions): Promise<Diagnostic[]> {
  const blocks = imageBlocks(report);
  const found: Diagnostic[][] = blocks.map(() => []);
  // Remote images wait on the network, not the processor: all are fetched first (the fetcher keeps
  // its own small pool), then every picture is prepared a few at a time.
  await Promise.all(blocks.map(async (b, i) => (found[i] = await fetchBlock(b, opts))));
  let next = 0;
  const worker = async () => {
    while (next < blocks.length) {
      const i = next++;
      found[i].push(...(await prepareBlock(blocks[i], opts)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PREPARING_AT_ONCE, blocks.length) }, worker));
  return found.flat();
}

const warning = (b: ImageBlock, opts: PrepareOptions, code: string, message: string): Diagnostic[] => [
  { level: 'warning', code, message, file: opts.file, line: b.line },
];

/** A remote image's bytes, kept in the run's folder and probed as a local file would be. */
async function fetchBlock(b: ImageBlock, opts: PrepareOptions): Promise<Diagnostic[]> {
  if (b.probe || !opts.allow?.remote || !isHttpUrl(b.src)) return [];
  const got = await fetchImage(b.src);
  if ('reason' in got) return warning(b, opts, 'image-fetch-failed', `image could not be fetched (${got.reason}): ${b.src}`);
  const sniffed = sniffImage(got.bytes);
  if ('problem' in sniffed) {
    if (sniffed.problem === 'too-large') return warning(b, opts, ...sniffWarning(sniffed, b.src));
    return warning(b, opts, 'image-fetch-failed', `image could not be fetched (${sniffed.problem === 'empty' ? 'empty' : 'not a picture'}): ${b.src}`);
  }
  b.probe = { path: storeImageBytes(got.bytes, sniffed.ext), width: sniffed.width, height: sniffed.height, mime: sniffed.mime };
  return [];
}

/** Decoded once, downscaled when oversized; a placeholder (no probe) when it does not decode. */
async function prepareBlock(b: ImageBlock, opts: PrepareOptions): Promise<Diagnostic[]> {
  if (!b.probe) return [];
  const result = await preparePicture(path.resolve(opts.baseDir, b.probe.path), b.probe);
  if (!result.ok) {
    b.probe = undefined;
    if (result.tooLarge) return warning(b, opts, 'image-too-large', `image too large to embed (${result.reason}): ${quoteSrc(b.src)}`);
    return warning(b, opts, 'image-unreadable', `image could not be decoded (${result.reason}): ${quoteSrc(b.src)}`);
  }
  if (result.file) b.probe = { ...b.probe, path: result.file, mime: result.mime ?? b.probe.mime };
  return [];
}

function imageBlocks(report: Report): ImageBlock[] {
  const out: ImageBlock[] = [];
  const take = (blocks: ReportBlock[]) => {
    for (const b of blocks) if (b.kind === 'image') out.push(b);
  };
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      take(s.blocks);
      walk(s.children);
    }
  };
  take(report.preamble);
  walk(report.sections);
  take(report.conclusion);
  return out;
}
