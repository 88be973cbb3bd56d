import { configFilesIn, existingRealPath } from "./config-files";
import { displayName, filesNamedBy } from "./extends";

/**
 * The folder whose configs may extend the files a command names: the git work tree `cwd` is in,
 * or `cwd` itself where there is none (no git, or not a repository).
 */
export function repositoryRoot(cwd: string = process.cwd()): string {
  try {
    // Required here: `node:child_process` brings the network and stream modules with it, a
    // tenth of a short run that has no --dependents.
    const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (top !== "") return top;
  } catch {
    // Not a repository, or no git: the folder itself is the whole project.
  }
  return cwd;
}

/**
 * The configs below `root` (found as `configFilesIn` finds them) whose `extends` chain reaches
 * one of `files` (see `filesNamedBy`: past a broken link of the chain too), compared by real
 * path so that a base reached through a symbolic link counts; each once (a file linked under
 * two names by its first), sorted, none of `files` among them.
 */
export function dependentsOf(files: readonly string[], root: string): string[] {
  const targets = new Set(files.map(existingRealPath).filter((real) => real !== undefined));
  if (targets.size === 0) return [];
  const dependents: string[] = [];
  // A file linked under a second name is one config, checked once.
  const seen = new Set(targets);
  for (const candidate of configFilesIn(root)) {
    const real = existingRealPath(candidate);
    if (real === undefined || seen.has(real)) continue;
    seen.add(real);
    if ([...filesNamedBy(candidate)].some((named) => targets.has(named))) dependents.push(displayName(candidate));
  }
  return dependents;
}
