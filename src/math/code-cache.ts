/**
 * A CommonJS file loaded with V8's compiled code for it, saved at build time next to the file
 * (`<file>.v8-cache`). A report's first formula cost about 150 ms, most of it compiling MathJax's
 * 2.4 MB bundle and the functions a formula runs; with the saved code, about 70.
 * V8 checks the saved code against the source and its own version and flags, and compiles afresh
 * when it does not fit (another Node, an edited bundle): the cache can only save time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const cacheOf = (file: string) => `${file}.v8-cache`;

/** A module loaded through vm, so that its compiled code can be handed in and taken out. */
interface Compiled {
  exports: unknown;
  script: vm.Script;
}

function compile(file: string, cachedData?: Buffer): Compiled {
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script };
}

/** `require(file)`, with the compiled code saved for it when there is any. */
export function requireWithCodeCache(file: string): unknown {
  const cache = cacheOf(file);
  if (!existsSync(cache)) return createRequire(file)(file);
  return compile(file, readFileSync(cache)).exports;
}

/**
 * Loads the file afresh, lets `exercise` run what a build runs, and saves the code V8 compiled for
 * both, so that functions compiled on first use are saved too.
 */
export function saveCodeCache(file: string, exercise: (exports: unknown) => void): string {
  const { exports, script } = compile(file);
  exercise(exports);
  const cache = cacheOf(file);
  writeFileSync(cache, script.createCachedData());
  return cache;
}
