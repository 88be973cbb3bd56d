import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT } from "./project";

/** git with no user or system configuration: a test's repositories are the same on every machine. */
export const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };

export function git(args: string[], cwd: string, env: NodeJS.ProcessEnv = GIT_ENV) {
  const result = spawnSync("git", args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

/** `git commit -m`, by a test's author; followed by the message. */
export const COMMIT = ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m"];

/**
 * A new git repository in `dir` holding the project as it is now, uncommitted changes and new
 * files included (what git would add, ignored files left out), committed; its commit returned.
 * What is installed from it is what this checkout would publish.
 */
export function committedCopy(dir: string): string {
  const listed = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], PROJECT).split("\0");
  for (const file of listed.filter((name) => name !== "")) {
    const from = path.join(PROJECT, file);
    // A file deleted in the work tree but not yet in git's index is left out, as a commit would.
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.cpSync(from, path.join(dir, file), { verbatimSymlinks: true });
  }
  git(["init", "-q"], dir);
  git(["add", "-A"], dir);
  git([...COMMIT, "the project's work tree", "--no-verify"], dir);
  return git(["rev-parse", "HEAD"], dir).trim();
}
