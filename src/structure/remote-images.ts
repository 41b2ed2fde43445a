/**
 * Fetching http(s) images, only with `--allow-remote`. A report from a stranger can name any URL, so
 * each fetch is bounded: a time limit for the whole transfer, a size cap enforced while the body
 * streams in, a few redirects and only to http(s). What came back is judged by its bytes, never by
 * its Content-Type. Each URL is fetched once per process, a few at a time.
 */
import { IMAGE_LIMITS, mb } from './images.js';

export const REMOTE_LIMITS = {
  /** The whole fetch of one image, redirects and body included. */
  timeoutMs: 10_000,
  /** Body size; a larger image is abandoned as soon as the cap is passed. */
  maxBytes: IMAGE_LIMITS.maxDataBytes,
  maxRedirects: 5,
  /** Fetches at once. */
  concurrency: 4,
};

export type Fetched = { bytes: Buffer } | { reason: string };

const fetched = new Map<string, Promise<Fetched>>();
let active = 0;
const waiting: Array<() => void> = [];

/** The bytes at `url`, or why there are none. */
export function fetchImage(url: string): Promise<Fetched> {
  let p = fetched.get(url);
  if (!p) {
    p = pooled(() => fetchOnce(url, { ...REMOTE_LIMITS }));
    fetched.set(url, p);
  }
  return p;
}

async function pooled<T>(task: () => Promise<T>): Promise<T> {
  if (active < REMOTE_LIMITS.concurrency) active++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

async function fetchOnce(url: string, limits: typeof REMOTE_LIMITS): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const timedOut = () => ({ reason: `no answer within ${limits.timeoutMs / 1000} s` });
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { reason: 'not a valid URL' };
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return { reason: hop ? `redirected to a ${current.protocol.replace(/:$/, '')}: URL` : 'not an http(s) URL' };
    }
    let res: Response;
    try {
      res = await fetch(current, { redirect: 'manual', signal, headers: { accept: 'image/*' } });
    } catch (e) {
      return signal.aborted ? timedOut() : { reason: networkReason(e) };
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (location !== null) {
      await res.body?.cancel().catch(() => undefined);
      if (hop >= limits.maxRedirects) return { reason: `more than ${limits.maxRedirects} redirects` };
      try {
        current = new URL(location, current);
      } catch {
        return { reason: 'redirected to an invalid URL' };
      }
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { reason: `HTTP ${res.status}` };
    }
    const tooLarge = { reason: `larger than ${mb(limits.maxBytes)}` };
    if (Number(res.headers.get('content-length')) > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return tooLarge;
    }
    if (!res.body) return { bytes: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    let total = 0;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          return tooLarge;
        }
        chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      }
    } catch (e) {
      return signal.aborted ? timedOut() : { reason: networkReason(e) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  }
}

/** A network failure in a few words: the system's error code where there is one. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  const message = cause?.message ?? (e instanceof Error ? e.message : String(e));
  return message.split('\n')[0].slice(0, 80) || 'network error';
}
