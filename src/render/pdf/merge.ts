/**
 * Several PDFs printed by Chromium, one after another, as one PDF. A long document is printed in
 * parts because Chromium's print time grows with the square of one document's page count; the merged
 * file must still have what a single print has: the pages in order, the named destinations the links
 * jump to, one outline, and one structure tree for the tagged PDF.
 *
 * Each part is copied with a single PDFObjectCopier, which remembers every object it has copied.
 * Pages are copied first, by reference, so the structure tree's /Pg, the outline's /Dest and the
 * named destinations, copied afterwards, land on those copies instead of dragging in new ones. The
 * references that lead out of what is copied (a top structure element's /P, an outline item's
 * /Parent and siblings) are cut in the loaded part before copying and set anew in the merged file, so
 * no part's old tree comes along through them.
 *
 * The merged file is written as it is made: once a part is copied, every object copied from it is
 * serialized and dropped, so a merge holds one part's objects at a time rather than the whole
 * document's (4000 slides are some 250 MB of pdf-lib objects). Only what later parts still change
 * stays until the end: the catalog, the top of the page tree, the outline items and the structure
 * tree's Document element.
 */
import type { PDFDict, PDFName, PDFObject, PDFRef } from 'pdf-lib';

/**
 * One printed part and the named destinations it owns (others in it are stand-ins for targets in
 * other parts). Chromium writes a named destination only for an id that a link in the same document
 * points to, so a part must also link (a `display: none` link is enough) to each id it owns that
 * another part links to; otherwise that name falls back to the first part's stand-in.
 */
export interface PdfPart {
  bytes: Uint8Array;
  /** Element ids, as in the HTML (`café x`, not `caf%C3%A9%20x`). */
  ownDests?: string[];
}

type Lib = typeof import('pdf-lib');
type Context = import('pdf-lib').PDFContext;
interface Item {
  ref: PDFRef;
  dict: PDFDict;
}

/** Kids per node of the merged page tree (Skia uses 8; any balanced tree lets a reader find a page quickly). */
const PAGE_TREE_FANOUT = 32;
const OUTLINE_LINKS = new Set(['/Parent', '/Prev', '/Next', '/First', '/Last']);

export interface MergeOptions {
  /**
   * The parts are one document cut into pieces, and only the first holds its title (an h1). In one
   * print every later heading would sit under that title's bookmark; so they do here: the top
   * bookmarks of later parts go under the first part's one top bookmark.
   */
  underTitle?: boolean;
}

/**
 * The parts merged in order. They may still be printing: each is awaited when its turn comes, and
 * its bytes are let go once it is copied, so a long document's parts need not all be held at once.
 */
export async function mergePdfs(parts: Iterable<PdfPart> | AsyncIterable<PdfPart>, opts: MergeOptions = {}): Promise<Uint8Array> {
  if (Array.isArray(parts) && parts.length === 1) return parts[0].bytes;
  const lib = await import('pdf-lib');
  const { PDFDocument, PDFDict, PDFArray, PDFRef, PDFNumber, PDFPageLeaf, PDFObjectCopier, ParseSpeeds } = lib;
  const N = (name: string) => lib.PDFName.of(name);
  const num = (v: PDFObject | undefined) => (v instanceof PDFNumber ? v.asNumber() : undefined);

  const out = await PDFDocument.create({ updateMetadata: false });
  const ctx = out.context;
  const catalog = out.catalog;

  const sink = new Sink(lib);
  /** Objects later parts still change, kept until the end; everything else is written after its part. */
  const held = new Set<PDFRef>([ctx.trailerInfo.Root as PDFRef, catalog.get(N('Pages')) as PDFRef]);
  /** The top of each part's page tree (its pages, or nodes over them): put under one root at the end. */
  const tops: PDFRef[] = [];
  const counts = new Map<PDFRef, number>();
  let pageCount = 0;
  const dests = new Map<PDFName, { value: PDFObject; owned: boolean }>();
  const outline: Item[] = [];
  /** Top bookmarks of the first part, and the bookmarks below each copied item. */
  let firstTop: Item[] = [];
  const below = new Map<PDFRef, Item[]>();
  const struct = {
    tagged: false,
    rootRef: ctx.nextRef(),
    doc: undefined as Item | undefined,
    /** Whether the merged Document element has taken the first part's attributes (/Lang). */
    docAttrs: false,
    kids: [] as PDFObject[],
    nums: [] as PDFObject[],
    /** Keys used so far in the merged parent tree: the next part's keys start here. */
    keys: 0,
    roleMap: ctx.obj({}),
    classMap: ctx.obj({}),
    ids: new Map<string, [PDFObject, PDFObject]>(),
  };
  const utf8 = new TextDecoder();

  let p = -1;
  for await (const part of parts) {
    p++;
    // The default parse speed yields to the event loop every 100 objects, which costs more than the parsing.
    const src = await PDFDocument.load(part.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const scat = src.catalog;
    const copier = PDFObjectCopier.for(src.context, ctx);
    const copy = <T extends PDFObject>(o: T): T => copier.copy(o) as T;
    const deref = (o: PDFObject | undefined) => (o instanceof PDFRef ? src.context.lookup(o) : o);

    if (p === 0) {
      const info = src.context.trailerInfo.Info;
      if (info) ctx.trailerInfo.Info = copy(info);
      for (const key of ['ViewerPreferences', 'Lang', 'PageMode', 'PageLayout', 'MarkInfo']) {
        const v = scat.get(N(key));
        if (v) catalog.set(N(key), copy(v));
      }
    }

    const sroot = scat.lookupMaybe(N('StructTreeRoot'), PDFDict);
    const nums = sroot ? flatTree(lib, sroot.lookupMaybe(N('ParentTree'), PDFDict), 'Nums') : [];
    const offset = struct.keys;
    if (sroot) {
      let end = num(sroot.get(N('ParentTreeNextKey'))) ?? 0;
      for (let i = 0; i < nums.length; i += 2) end = Math.max(end, (num(nums[i]) ?? -1) + 1);
      struct.keys += end;
    }

    const srcPages: PDFRef[] = [];
    scat.Pages().traverse((node, ref) => {
      if (node instanceof PDFPageLeaf) srcPages.push(ref);
    });
    const shifted = new Set<PDFObject>();
    const partPages: PDFRef[] = [];
    for (const ref of srcPages) {
      const newRef = copy(ref);
      partPages.push(newRef);
      if (!offset) continue;
      const page = ctx.lookup(newRef, PDFDict);
      shift(page, 'StructParents');
      const annots = page.lookupMaybe(N('Annots'), PDFArray);
      for (const a of annots?.asArray() ?? []) {
        if (shifted.has(a)) continue;
        shifted.add(a);
        const dict = a instanceof PDFRef ? ctx.lookupMaybe(a, PDFDict) : a;
        if (dict instanceof PDFDict) shift(dict, 'StructParent');
      }
    }
    pageCount += partPages.length;
    for (const top of pageTree(partPages)) {
      held.add(top);
      tops.push(top);
    }

    if (sroot) {
      struct.tagged = true;
      if (!struct.doc) {
        const dict = ctx.obj({ Type: 'StructElem', S: 'Document' });
        struct.doc = { ref: ctx.register(dict), dict };
        held.add(struct.doc.ref);
      }
      const doc = struct.doc;
      for (const top of list(sroot.get(N('K')))) {
        const elem = deref(top);
        const kids = elem instanceof PDFDict ? list(elem.get(N('K'))) : [];
        // A Document element hands over its kids; one with content of its own (marked-content ids,
        // which need its /Pg) is kept whole.
        const splice = elem instanceof PDFDict && elem.get(N('S')) === N('Document') && !kids.some((k) => k instanceof PDFNumber);
        if (splice) {
          if (!struct.docAttrs) {
            struct.docAttrs = true;
            for (const [k, v] of elem.entries()) if (k !== N('K') && k !== N('P')) doc.dict.set(k, copy(v));
          }
          // Nothing that still reaches this element (an /SE, a stray /P) may copy the part's whole tree through it.
          elem.delete(N('K'));
          elem.delete(N('P'));
        }
        for (const kid of splice ? kids : [top]) {
          const dict = deref(kid);
          if (dict instanceof PDFDict) dict.delete(N('P'));
          const copied = copy(kid);
          const copiedDict = copied instanceof PDFRef ? ctx.lookup(copied) : copied;
          if (copiedDict instanceof PDFDict && copiedDict.has(N('S'))) copiedDict.set(N('P'), doc.ref);
          struct.kids.push(copied);
        }
      }
      for (let i = 0; i + 1 < nums.length; i += 2) struct.nums.push(PDFNumber.of(num(nums[i])! + offset), copy(nums[i + 1]));
      for (const [map, key] of [
        [struct.roleMap, 'RoleMap'],
        [struct.classMap, 'ClassMap'],
      ] as const) {
        for (const [k, v] of sroot.lookupMaybe(N(key), PDFDict)?.entries() ?? []) if (!map.has(k)) map.set(k, copy(v));
      }
      const names = flatTree(lib, sroot.lookupMaybe(N('IDTree'), PDFDict), 'Names');
      for (let i = 0; i + 1 < names.length; i += 2) {
        const key = bytesOf(names[i]);
        if (!struct.ids.has(key)) struct.ids.set(key, [copy(names[i]), copy(names[i + 1])]);
      }
    }

    const outlines = scat.lookupMaybe(N('Outlines'), PDFDict);
    if (outlines) {
      const top = copyOutline(outlines.lookupMaybe(N('First'), PDFDict), undefined);
      if (p === 0) firstTop = top;
      outline.push(...top);
    }

    // A name comes from the part that owns it; otherwise from the first part that has it.
    const own = new Set(part.ownDests ?? []);
    for (const [name, value] of scat.lookupMaybe(N('Dests'), PDFDict)?.entries() ?? []) {
      const owned = own.has(destId(utf8.decode(name.asBytes())));
      const prev = dests.get(name);
      if (!prev || (owned && !prev.owned)) dests.set(name, { value: copy(value), owned });
    }
    sink.flush(ctx, held);

    /** A fresh item per old one: everything but the links between items is copied, the links are made anew. */
    function copyOutline(first: PDFDict | undefined, parent: PDFRef | undefined): Item[] {
      const items: Item[] = [];
      const seen = new Set<PDFDict>();
      // Siblings in a loop (a part may have thousands of headings on one level), levels by recursion.
      for (let item = first; item && !seen.has(item); item = item.lookupMaybe(N('Next'), PDFDict)) {
        seen.add(item);
        const dict = ctx.obj({});
        const ref = ctx.register(dict);
        held.add(ref);
        for (const [k, v] of item.entries()) if (!OUTLINE_LINKS.has(k.asString())) dict.set(k, copy(v));
        if (parent) dict.set(N('Parent'), parent);
        const kids = copyOutline(item.lookupMaybe(N('First'), PDFDict), ref);
        below.set(ref, kids);
        link(dict, kids);
        items.push({ ref, dict });
      }
      return items;
    }

    function shift(dict: PDFDict, key: string): void {
      const v = num(dict.get(N(key)));
      if (v !== undefined) dict.set(N(key), PDFNumber.of(v + offset));
    }
  }
  if (p < 0) throw new Error('mergePdfs: no parts');

  // A balanced page tree over every page, in order, below the catalog's /Pages node: each part's
  // pages were gathered under nodes as the part was copied, and those nodes are gathered here.
  const rootRef = catalog.get(N('Pages')) as PDFRef;
  const level = pageTree(tops);
  for (const k of level) ctx.lookup(k, PDFDict).set(N('Parent'), rootRef);
  const pageRoot = ctx.lookup(rootRef, PDFDict);
  pageRoot.set(N('Kids'), ctx.obj(level));
  pageRoot.set(N('Count'), PDFNumber.of(pageCount));

  if (dests.size) {
    const dict = ctx.obj({});
    for (const [name, { value }] of dests) dict.set(name, value);
    catalog.set(N('Dests'), ctx.register(dict));
  }

  if (opts.underTitle && firstTop.length === 1 && outline.length > 1) {
    const title = firstTop[0];
    const kids = [...(below.get(title.ref) ?? []), ...outline.slice(1)];
    for (const kid of kids) kid.dict.set(N('Parent'), title.ref);
    link(title.dict, kids);
    // An open item counts what it shows: each child, and what each open child shows.
    title.dict.set(N('Count'), PDFNumber.of(kids.reduce((s, item) => s + 1 + Math.max(0, num(item.dict.get(N('Count'))) ?? 0), 0)));
    outline.length = 0;
    outline.push(title);
  }

  if (outline.length) {
    const dict = ctx.obj({ Type: 'Outlines' });
    const ref = ctx.register(dict);
    for (const item of outline) item.dict.set(N('Parent'), ref);
    link(dict, outline);
    // The root counts every item a reader shows: each top item, and what an open item (/Count > 0) shows.
    dict.set(N('Count'), PDFNumber.of(outline.reduce((s, item) => s + 1 + Math.max(0, num(item.dict.get(N('Count'))) ?? 0), 0)));
    catalog.set(N('Outlines'), ref);
  }

  if (struct.tagged && struct.doc) {
    struct.doc.dict.set(N('P'), struct.rootRef);
    struct.doc.dict.set(N('K'), ctx.obj(struct.kids));
    const root = ctx.obj({
      Type: 'StructTreeRoot',
      K: struct.doc.ref,
      ParentTree: ctx.register(ctx.obj({ Nums: struct.nums })),
      ParentTreeNextKey: struct.keys,
    });
    if (struct.roleMap.entries().length) root.set(N('RoleMap'), struct.roleMap);
    if (struct.classMap.entries().length) root.set(N('ClassMap'), struct.classMap);
    if (struct.ids.size) {
      // A name tree's keys are in byte order.
      const keys = [...struct.ids.keys()].sort((a, b) => Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1')));
      root.set(N('IDTree'), ctx.obj({ Names: keys.flatMap((k) => struct.ids.get(k)!) }));
    }
    ctx.assign(struct.rootRef, root);
    catalog.set(N('StructTreeRoot'), struct.rootRef);
    const markInfo = catalog.lookupMaybe(N('MarkInfo'), PDFDict) ?? ctx.obj({ Type: 'MarkInfo' });
    markInfo.set(N('Marked'), ctx.obj(true));
    catalog.set(N('MarkInfo'), markInfo);
  }

  // A classic cross-reference table: the metadata step appends an incremental update that expects
  // one. No AcroForm, no blank page: nothing but what was copied and made here.
  sink.flush(ctx, new Set());
  return sink.finish(ctx);

  /** Nodes of at most PAGE_TREE_FANOUT kids over `level`, level upon level, until at most that many are left. */
  function pageTree(level: PDFRef[]): PDFRef[] {
    while (level.length > PAGE_TREE_FANOUT) {
      const next: PDFRef[] = [];
      for (let i = 0; i < level.length; i += PAGE_TREE_FANOUT) {
        const kids = level.slice(i, i + PAGE_TREE_FANOUT);
        const count = kids.reduce((s, k) => s + (counts.get(k) ?? 1), 0);
        const ref = ctx.register(ctx.obj({ Type: 'Pages', Kids: kids, Count: count }));
        for (const k of kids) ctx.lookup(k, PDFDict).set(N('Parent'), ref);
        counts.set(ref, count);
        next.push(ref);
      }
      level = next;
    }
    return level;
  }

  /** /First, /Last and the kids' /Prev and /Next; an item keeps its own /Count (its sign says open or closed). */
  function link(dict: PDFDict, kids: Item[]): void {
    if (!kids.length) return;
    dict.set(N('First'), kids[0].ref);
    dict.set(N('Last'), kids[kids.length - 1].ref);
    kids.forEach((kid, i) => {
      if (i > 0) kid.dict.set(N('Prev'), kids[i - 1].ref);
      if (i < kids.length - 1) kid.dict.set(N('Next'), kids[i + 1].ref);
    });
  }

  function list(v: PDFObject | undefined): PDFObject[] {
    return v === undefined ? [] : v instanceof PDFArray ? v.asArray() : [v];
  }
}

/**
 * The merged file's bytes, written as pdf-lib's writer writes them (header, `n 0 obj … endobj`, one
 * classic cross-reference table, trailer), but part by part as the objects are finished.
 */
class Sink {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private readonly offsets: Array<[PDFRef, number]> = [];

  constructor(private readonly lib: Lib) {
    const header = lib.PDFHeader.forVersion(1, 7);
    const bytes = new Uint8Array(header.sizeInBytes() + 2);
    const n = header.copyBytesInto(bytes, 0);
    bytes[n] = bytes[n + 1] = 0x0a;
    this.push(bytes);
  }

  /** Writes every object of `ctx` but the `kept` ones, and drops them from it. */
  flush(ctx: Context, kept: Set<PDFRef>): void {
    const objects = ctx.enumerateIndirectObjects().filter(([ref]) => !kept.has(ref));
    const heads = objects.map(([ref]) => `${ref.objectNumber} ${ref.generationNumber} obj\n`);
    let length = 0;
    objects.forEach(([, object], i) => (length += heads[i].length + object.sizeInBytes() + ENDOBJ.length));
    const bytes = new Uint8Array(length);
    let at = 0;
    objects.forEach(([ref, object], i) => {
      this.offsets.push([ref, this.size + at]);
      at += latin1Into(heads[i], bytes, at);
      at += object.copyBytesInto(bytes, at);
      at += latin1Into(ENDOBJ, bytes, at);
      ctx.delete(ref);
    });
    this.push(bytes);
  }

  /** The cross-reference table and trailer after everything written: the whole file. */
  finish(ctx: Context): Uint8Array {
    const { PDFCrossRefSection, PDFTrailerDict, PDFTrailer } = this.lib;
    const xref = PDFCrossRefSection.create();
    for (const [ref, offset] of this.offsets.sort((a, b) => a[0].objectNumber - b[0].objectNumber)) xref.addEntry(ref, offset);
    const { Root, Encrypt, Info, ID } = ctx.trailerInfo;
    const trailerDict = PDFTrailerDict.of(ctx.obj({ Size: ctx.largestObjectNumber + 1, Root, Encrypt, Info, ID }));
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(this.size);
    const bytes = new Uint8Array(xref.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 2 + trailer.sizeInBytes());
    let at = xref.copyBytesInto(bytes, 0);
    bytes[at++] = 0x0a;
    at += trailerDict.copyBytesInto(bytes, at);
    bytes[at++] = 0x0a;
    bytes[at++] = 0x0a;
    trailer.copyBytesInto(bytes, at);
    this.push(bytes);
    return Buffer.concat(this.chunks, this.size);
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }
}

const ENDOBJ = '\nendobj\n\n';

/** Writes an ASCII string's bytes at `at`; returns how many. */
function latin1Into(text: string, bytes: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return text.length;
}

/**
 * The element id a destination name stands for. Chromium names a destination after the fragment of
 * the links to it, as the URL parser wrote it: `#café x` becomes /caf%C3%A9%20x (then #-escaped).
 */
function destId(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A number or name tree's leaves, in order: [key, value, key, value, …]. */
function flatTree(lib: Lib, node: PDFDict | undefined, leafKey: 'Nums' | 'Names'): PDFObject[] {
  const { PDFName, PDFArray, PDFDict } = lib;
  const flat: PDFObject[] = [];
  const seen = new Set<PDFDict>();
  const stack = node ? [node] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const leaf = n.lookupMaybe(PDFName.of(leafKey), PDFArray);
    for (let i = 0; leaf && i + 1 < leaf.size(); i += 2) flat.push(leaf.get(i), leaf.get(i + 1));
    const kids = n.lookupMaybe(PDFName.of('Kids'), PDFArray);
    // Pushed in reverse, so the kids are visited in order.
    for (let i = (kids?.size() ?? 0) - 1; i >= 0; i--) {
      const kid = kids!.lookup(i);
      if (kid instanceof PDFDict) stack.push(kid);
    }
  }
  return flat;
}

/** A name-tree key's bytes, as a latin1 string (keys are compared and sorted by bytes). */
function bytesOf(key: PDFObject): string {
  const bytes = 'asBytes' in key && typeof key.asBytes === 'function' ? (key.asBytes() as Uint8Array) : new TextEncoder().encode(key.toString());
  return Buffer.from(bytes).toString('latin1');
}
