import * as fs from "node:fs";
import * as path from "node:path";
import { copyTable, isTable } from "../tables";
import type { ConfigDocument } from "../text/document";
import { childPointer } from "../text/pointer";
import type { Position } from "../text/position";
import { FileProblem } from "./file-problem";
import { loadDocument } from "./load";
import { mergeDocuments } from "./merge";
import { reasonOf } from "./read-text";

/** Real chains are a handful of files deep; a deeper one is a mistake (or generated), and is refused. */
export const MAX_EXTENDS_DEPTH = 64;

const EXTENDS = "extends";
const EXTENDS_POINTER = childPointer("", EXTENDS);

/**
 * A config file with its `extends = ["base.toml", …]` chain resolved: paths relative to the
 * file, bases merged in order, then the file itself on top. Every position names the file
 * that set the value. A missing or unreadable base, a cycle or a chain deeper than
 * `MAX_EXTENDS_DEPTH` is a `FileProblem` at the `extends` entry that leads to it.
 */
export function resolveExtends(file: string): ConfigDocument {
  return new Resolver().resolve(file, file, [], []);
}

class Resolver {
  /** Real path → the file resolved, so a base shared by several files is read once. */
  private readonly resolved = new Map<string, ConfigDocument>();

  resolve(file: string, shown: string, chain: string[], names: string[]): ConfigDocument {
    const real = realPath(file, shown);
    const done = this.resolved.get(real);
    if (done) return done;
    const own = loadDocument(file, shown);
    let merged: ConfigDocument | undefined;
    for (const base of basesOf(own, shown)) {
      const target = path.resolve(path.dirname(file), base.path);
      const targetShown = displayName(target);
      let targetReal: string;
      try {
        targetReal = fs.realpathSync(target);
      } catch (error) {
        throw new FileProblem(shown, `extends ${JSON.stringify(base.path)}: cannot read ${targetShown}: ${reasonOf(error)}`, base.at);
      }
      if (targetReal === real || chain.includes(targetReal)) {
        const cycle = cycleNames([...names, shown], [...chain, real], targetReal, targetShown);
        throw new FileProblem(shown, `extends cycle: ${cycle}`, base.at);
      }
      if (chain.length + 1 >= MAX_EXTENDS_DEPTH) {
        const top = names[0] ?? shown;
        throw new FileProblem(shown, `extends chain from ${top} is deeper than ${MAX_EXTENDS_DEPTH} files`, base.at);
      }
      const document = this.resolve(target, targetShown, [...chain, real], [...names, shown]);
      merged = merged ? mergeDocuments(merged, document) : document;
    }
    const top = withoutExtends(own);
    const result = merged ? mergeDocuments(merged, top) : top;
    this.resolved.set(real, result);
    return result;
  }
}

/** The files of a cycle, from the first one in it back to itself. */
function cycleNames(names: string[], reals: string[], again: string, againShown: string): string {
  return [...names.slice(reals.indexOf(again)), againShown].join(" -> ");
}

function realPath(file: string, shown: string): string {
  try {
    return fs.realpathSync(file);
  } catch (error) {
    throw new FileProblem(shown, `cannot read: ${reasonOf(error)}`);
  }
}

function displayName(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

interface Base {
  path: string;
  at?: Position;
}

function basesOf(document: ConfigDocument, shown: string): Base[] {
  if (!isTable(document.value) || !Object.prototype.hasOwnProperty.call(document.value, EXTENDS)) return [];
  const list = document.value[EXTENDS];
  const at = document.positions.get(EXTENDS_POINTER);
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) {
    throw new FileProblem(shown, 'extends must be a list of file paths, like extends = ["base.toml"]', at);
  }
  return list.map((item: string, i) => ({ path: item, at: document.positions.get(childPointer(EXTENDS_POINTER, i)) ?? at }));
}

/** The file's own settings: `extends` is an instruction to this resolver, not a setting. */
function withoutExtends(document: ConfigDocument): ConfigDocument {
  if (!isTable(document.value) || !Object.prototype.hasOwnProperty.call(document.value, EXTENDS)) return document;
  const rest = copyTable(document.value);
  delete rest[EXTENDS];
  const outside = <T>(map: Map<string, T>) =>
    new Map([...map].filter(([pointer]) => pointer !== EXTENDS_POINTER && !pointer.startsWith(`${EXTENDS_POINTER}/`)));
  return { ...document, value: rest, positions: outside(document.positions) };
}
