import * as fs from "node:fs";
import * as path from "node:path";
import { copyTable, hasOwn, isTable } from "../util/tables";
import type { ConfigFormat } from "../text/read-document";
import type { ConfigDocument } from "../text/config-document";
import { childPointer, isWithin, valueAt } from "../util/pointer";
import type { Position } from "../text/parse/position";
import { existingRealPath } from "./config-files";
import { FileProblem } from "./file-problem";
import { RefusedConfig } from "./refused-config";
import { loadText, textDocument } from "./load";
import { mergeDocuments } from "./merge";
import { reasonOf } from "./read-text";
import type { TextSource } from "./text-source";

/** Real chains are a handful of files deep; a deeper one is a mistake (or generated), and is refused. */
export const MAX_EXTENDS_DEPTH = 64;

/**
 * How many values the merges of one config may handle in all: far beyond any real config
 * (each file is at most 256 KB), and a bound on the work a file that names large bases again
 * and again can ask for.
 */
export const MAX_MERGED_VALUES = 200_000;

const EXTENDS = "extends";
const EXTENDS_POINTER = childPointer("", EXTENDS);

/**
 * Config files as the trainer loads them (`load_merged_toml` in burn_dragon_language's
 * `config/merge.rs`): each file with its root `extends` resolved (a path or a list of paths,
 * each relative to the folder of the file once its symbolic links are resolved; absolute
 * paths as they are), its bases merged in order and the file itself on top; several files
 * merged left to right. Every position names the file that set the value.
 *
 * A file or base that cannot be read, a chain deeper than `MAX_EXTENDS_DEPTH` or merges past
 * `MAX_MERGED_VALUES` is a `FileProblem`, placed at the `extends` entry that leads to it; a file
 * that is not well-formed, an `extends` of the wrong shape or a cycle, which the trainer refuses,
 * is a `RefusedConfig`.
 */
export function loadConfig(files: readonly string[], { followExtends = true, syntax, source }: LoadOptions = {}): LoadedConfig {
  const loader = new Loader(followExtends, syntax, source);
  let merged: ConfigDocument | undefined;
  try {
    for (const file of files) {
      const { document } = loader.load(file, file, undefined, []);
      merged = merged ? loader.merge(merged, document, file) : document;
    }
  } catch (error) {
    // A refusal or a problem inside a base is shown where each given file brings that base in.
    if (error instanceof RefusedConfig || error instanceof FileProblem) error.files = loader.filesReached(files);
    throw error;
  }
  if (!merged) throw new FileProblem("", "at least one configuration path is required");
  return { document: merged, files: loader.filesReached(files) };
}

/**
 * Every file the `extends` chains from `file` name, by real path, `file` itself included. Each
 * entry of a well-formed `extends` is followed even where the loader stops (a base before it
 * missing, unreadable or not well-formed, a cycle), so that a config is known to depend on a
 * base whatever else is wrong with its chain.
 */
export function filesNamedBy(file: string): Set<string> {
  const reached = new Set<string>();
  const pending = [{ file, syntax: undefined as ConfigFormat | undefined }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const real = existingRealPath(next.file);
    if (real === undefined || reached.has(real)) continue;
    reached.add(real);
    try {
      const document = textDocument(loadText(real, next.file), real, next.file, next.syntax);
      // The trainer reads a base as TOML whatever its extension.
      for (const base of basesOf(document, next.file)) pending.push({ file: basePath(path.dirname(real), base.path), syntax: "toml" });
    } catch (error) {
      // A file that cannot be read, or whose extends cannot be, names no further base.
      if (!(error instanceof FileProblem || error instanceof RefusedConfig || error instanceof RangeError)) throw error;
    }
  }
  return reached;
}

/** A config as the trainer loads it: the merged document, and every file it read. */
export interface LoadedConfig {
  document: ConfigDocument;
  /** By real path: each file given, then each base, as the loader met them. */
  files: Map<string, LoadedFile>;
}

/** A file a config is made of. */
export interface LoadedFile {
  real: string;
  /** How its positions name it. */
  shown: string;
  /** Its text, once read. */
  text?: string;
  /** Its own settings as written, `extends` included, once read well-formed. */
  document?: ConfigDocument;
  /** Its own bases, by real path, each with the `extends` entry that names it. */
  bases: { real: string; at?: Position }[];
  /** For a base: the `extends` entries of the files given that lead to it, each once. */
  via: Position[];
}

interface LoadOptions {
  /** `false`: each file as it is written, `extends` left as a plain key. */
  followExtends?: boolean;
  /** The syntax of a given file whose extension does not tell; a base whose extension does not tell is TOML. */
  syntax?: ConfigFormat;
  /** Texts to take before the disk: an editor's open buffers. */
  source?: TextSource;
}

/** A file on the current chain of `extends`: its real path, and how it is shown. */
interface Link {
  real: string;
  shown: string;
}

class Loader {
  /** Real path → the file resolved: a base that several files extend is read and resolved once. */
  private readonly resolved = new Map<string, ConfigDocument>();
  private readonly files = new Map<string, LoadedFile>();
  private mergedValues = 0;

  constructor(
    private readonly followExtends: boolean,
    private readonly syntax: ConfigFormat | undefined,
    private readonly source: TextSource | undefined,
  ) {}

  /**
   * One file with its `extends` resolved. `reached` is the `extends` entry that names the file
   * (undefined for a file given by the caller), where a problem in reaching it is reported.
   */
  load(file: string, shown: string, reached: Reached | undefined, chain: Link[], parent?: LoadedFile): { real: string; document: ConfigDocument } {
    const real = realPath(file, shown, reached, this.source);
    parent?.bases.push({ real, at: reached?.at });
    const seen = chain.findIndex((link) => link.real === real);
    if (seen >= 0) {
      const cycle = [...chain.slice(seen).map((link) => link.real), real].join(" -> ");
      throw refused(reached!.file, `config extends cycle detected: ${cycle}`, reached!.at);
    }
    const done = this.resolved.get(real);
    if (done) return { real, document: done };
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      throw new FileProblem(reached!.file, `extends chain from ${chain[0].shown} is deeper than ${MAX_EXTENDS_DEPTH} files`, reached!.at);
    }
    const loaded: LoadedFile = { real, shown, bases: [], via: [] };
    this.files.set(real, loaded);
    loaded.text = reached ? baseText(real, shown, reached, this.source) : loadText(real, shown, this.source);
    // The trainer reads every file as TOML: a base whose extension does not tell is read so.
    const own = textDocument(loaded.text, real, shown, reached ? "toml" : this.syntax);
    loaded.document = own;
    if (!this.followExtends) return { real, document: own };
    const link = { real, shown };
    let merged: ConfigDocument | undefined;
    let previous: string | undefined;
    const folder = path.dirname(real);
    // A buffer never saved may stand in a folder not made yet: its entries are read by their words alone.
    const lexical = this.source !== undefined && !fs.existsSync(folder);
    for (const base of basesOf(own, shown)) {
      const target = lexical ? path.resolve(folder, base.path) : basePath(folder, base.path);
      const next = this.load(target, displayName(target), base, [...chain, link], loaded);
      // The same base again, straight after itself, changes nothing: merging is idempotent.
      if (next.real === previous) continue;
      previous = next.real;
      merged = merged ? this.merge(merged, next.document, shown, base.at) : next.document;
    }
    const top = withoutExtends(own);
    const document = merged ? this.merge(merged, top, shown) : top;
    this.resolved.set(real, document);
    return { real, document };
  }

  merge(base: ConfigDocument, top: ConfigDocument, shown: string, at?: Position): ConfigDocument {
    this.mergedValues += base.positions.size + top.positions.size;
    if (this.mergedValues > MAX_MERGED_VALUES) {
      throw new FileProblem(shown, `the merged config is too large to check: its extends merge more than ${MAX_MERGED_VALUES} values`, at);
    }
    return mergeDocuments(base, top);
  }

  /** The files read, each base with the entries of the given files that lead to it. */
  filesReached(given: readonly string[]): Map<string, LoadedFile> {
    const givenReal = new Set([...this.files.values()].filter((file) => given.includes(file.shown)).map((file) => file.real));
    for (const top of givenReal) {
      for (const entry of this.files.get(top)!.bases) {
        const pending = [entry.real];
        const seen = new Set<string>();
        while (pending.length > 0) {
          const real = pending.pop()!;
          if (seen.has(real)) continue;
          seen.add(real);
          // A base named past the depth bound was never read.
          const file = this.files.get(real);
          if (file === undefined) continue;
          if (entry.at && !file.via.some((at) => samePlace(at, entry.at!))) file.via.push(entry.at);
          pending.push(...file.bases.map((base) => base.real));
        }
      }
    }
    return this.files;
  }
}

function samePlace(a: Position, b: Position): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/** An `extends` entry: the path it names, in the file (as shown) and at the place that names it. */
interface Reached {
  path: string;
  file: string;
  at?: Position;
}

/**
 * A base's text: a problem of the whole file (unreadable, too large, not text) is reported at
 * the `extends` entry that names it.
 */
function baseText(real: string, shown: string, reached: Reached, source: TextSource | undefined): string {
  try {
    return loadText(real, shown, source);
  } catch (error) {
    if (!(error instanceof FileProblem) || error.at) throw error;
    throw new FileProblem(reached.file, `extends ${JSON.stringify(reached.path)}: ${shown}: ${error.message}`, reached.at);
  }
}

/**
 * The real path of a file, as `fs::canonicalize` gives it: symbolic links and `..` resolved on
 * disk; for a file only `source` holds (a buffer never saved), its absolute path.
 */
function realPath(file: string, shown: string, reached: Reached | undefined, source: TextSource | undefined): string {
  try {
    return fs.realpathSync.native(file);
  } catch (error) {
    const absolute = path.resolve(file);
    if (source?.textOf(absolute) !== undefined) return absolute;
    if (!reached) throw new FileProblem(shown, `cannot read: ${reasonOf(error)}`);
    throw new FileProblem(reached.file, `extends ${JSON.stringify(reached.path)}: cannot read ${shown}: ${reasonOf(error)}`, reached.at);
  }
}

/** Where an `extends` entry of a file in `folder` (its real folder) leads: the trainer joins the two as they are written. */
function basePath(folder: string, entry: string): string {
  return path.isAbsolute(entry) ? entry : `${folder}${path.sep}${entry}`;
}

/** A path as reports show it: relative to the current folder. */
export function displayName(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The bases a file names: `extends = "base.toml"` or `extends = ["a.toml", "b.toml"]`, at the root only. */
function basesOf(document: ConfigDocument, shown: string): Reached[] {
  if (!isTable(document.value) || !hasOwn(document.value, EXTENDS)) return [];
  const extendsValue = document.value[EXTENDS];
  const at = document.positions.get(EXTENDS_POINTER);
  if (typeof extendsValue === "string" && document.written.get(EXTENDS_POINTER) !== "datetime") return [{ path: extendsValue, file: shown, at }];
  if (!Array.isArray(extendsValue)) {
    throw refused(shown, `extends must be a string or array of strings, got ${typeName(document, EXTENDS_POINTER)}`, at);
  }
  return extendsValue.map((entry: unknown, i) => {
    const entryPointer = childPointer(EXTENDS_POINTER, i);
    const entryAt = document.positions.get(entryPointer) ?? at;
    if (typeof entry !== "string" || document.written.get(entryPointer) === "datetime") {
      throw refused(shown, `extends entries must be strings, got ${typeName(document, entryPointer)}`, entryAt);
    }
    return { path: entry, file: shown, at: entryAt };
  });
}

/** The trainer's loader refuses the config: an issue of stage `load` at the `extends` entry or key. */
function refused(file: string, message: string, at: Position | undefined): RefusedConfig {
  return new RefusedConfig({ issue: { stage: "load", path: EXTENDS_POINTER, message }, at: { line: 1, column: 1, ...at, file } });
}

/** The kind of the value at `pointer`, in the trainer's words (toml's `Value::type_str`). */
function typeName(document: ConfigDocument, pointer: string): string {
  const written = document.written.get(pointer);
  if (written === "datetime" || written === "float") return written;
  const value = valueAt(document.value, pointer);
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isTable(value)) return "table";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "float";
  if (typeof value === "bigint") return "integer";
  return typeof value;
}

/** The file's own settings: `extends` is an instruction to the loader, not a setting. */
function withoutExtends(document: ConfigDocument): ConfigDocument {
  if (!isTable(document.value) || !hasOwn(document.value, EXTENDS)) return document;
  const rest = copyTable(document.value);
  delete rest[EXTENDS];
  const own = ([pointer]: [string, unknown]) => !isWithin(pointer, EXTENDS_POINTER);
  return { ...document, value: rest, positions: new Map([...document.positions].filter(own)), spans: new Map([...document.spans].filter(own)) };
}
