import * as fs from "node:fs";
import * as path from "node:path";
import { FileProblem } from "./file-problem";
import { CONFIG_EXTENSIONS } from "./format";
import { reasonOf } from "./read-text";

/** Folders that hold no configs of the project's own: tools' state, and installed packages. */
const SKIPPED_FOLDER = "node_modules";

/**
 * The config files a command-line argument names: a folder stands for every file below it
 * whose extension is a config's (see `configFilesIn`); a pattern that names no file, as a
 * quoted glob (`'config/**\/*.toml'`), for the configs below its folder that it matches;
 * anything else for itself.
 */
export function configFilesOf(argument: string): string[] {
  const kind = pathKind(argument);
  if (kind === "missing" && globMatcher().scan(argument).isGlob) return matchingConfigs(argument);
  if (kind !== "folder") return [argument];
  const files = configFilesIn(argument);
  if (files.length === 0) {
    throw new FileProblem(argument, `no config files below this folder (none ends in ${CONFIG_EXTENSIONS.join(", ")})`);
  }
  return files;
}

/** The glob matcher, loaded only for an argument that names no file: most runs never need it. */
function globMatcher(): typeof import("picomatch") {
  return require("picomatch") as typeof import("picomatch");
}

function pathKind(argument: string): "folder" | "other" | "missing" {
  try {
    return fs.statSync(argument).isDirectory() ? "folder" : "other";
  } catch {
    // A path that is not there is the file it names, reported as such when it is read.
    return "missing";
  }
}

/** The configs below a glob's folder (the part before its first wildcard) that the rest matches. */
function matchingConfigs(pattern: string): string[] {
  const picomatch = globMatcher();
  const { base, glob } = picomatch.scan(pattern);
  const folder = base === "" ? "." : base;
  const matches = picomatch(glob);
  const files = pathKind(folder) === "folder" ? configFilesIn(folder).filter((file) => matches(path.relative(folder, file))) : [];
  if (files.length === 0) throw new FileProblem(pattern, `no config files match this pattern (none ending in ${CONFIG_EXTENSIONS.join(", ")})`);
  return files;
}

/**
 * Every file below `folder` whose extension is a config's, each named as `folder` joined
 * with its path below it, sorted by that name. Hidden folders (`.git`, `.venv`) and
 * `node_modules` are skipped, and a symbolic link to a folder is not followed, so that a
 * link back up the tree cannot loop; a link to a file is taken as the file.
 */
export function configFilesIn(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (error) {
      throw new FileProblem(current, `cannot read the folder: ${reasonOf(error)}`);
    }
    for (const entry of entries) {
      const at = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== SKIPPED_FOLDER) pending.push(at);
      } else if (CONFIG_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()) && (entry.isFile() || isLinkToFile(at, entry))) {
        found.push(at);
      }
    }
  }
  return found.sort(byCodeUnits);
}

function isLinkToFile(at: string, entry: fs.Dirent): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(at).isFile();
  } catch {
    // A dangling link names no file to check.
    return false;
  }
}

/** The real path of a file, its symbolic links resolved; undefined where it cannot be reached. */
export function existingRealPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** The same order on every machine and locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
