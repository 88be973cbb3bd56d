import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT } from "../support/project";
import { readVectors } from "../support/vectors";

/**
 * `.pre-commit-hooks.yaml` with the real pre-commit (Debian's package): `pre-commit try-repo`
 * on a git repository of configs, valid and invalid, as a repository adding the hook would run it.
 */
const probe = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const unavailable = probe.error ? `pre-commit is not installed (${probe.error.message}; apt-get install pre-commit)` : null;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  return result;
}

if (unavailable) {
  test.skip(`pre-commit hook (skipped: ${unavailable})`, () => undefined);
} else {
  describe("pre-commit try-repo with the burn-dragon-config hook", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "pre-commit-"));
    const repo = path.join(work, "configs");
    // pre-commit keeps its clones here, not in the user's cache.
    const env = { ...process.env, PRE_COMMIT_HOME: path.join(work, "cache"), GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
    const vectors = readVectors("toml-text.jsonl");
    const valid = vectors.find((v) => v.expect.valid)!;
    const violation = vectors.find((v) => !v.expect.valid && v.expect.stage === "validate")!;
    const message = (violation.expect as { message: string }).message;

    beforeAll(() => {
      fs.mkdirSync(path.join(repo, "config/shared"), { recursive: true });
      fs.writeFileSync(path.join(repo, "config/run.toml"), valid.text);
      fs.writeFileSync(path.join(repo, "config/shared/low-bit.toml"), violation.text);
      fs.writeFileSync(path.join(repo, "config/child.toml"), 'extends = "shared/low-bit.toml"\n');
      for (const args of [["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "configs"]]) {
        expect(run("git", args, repo, env).status).toBe(0);
      }
    });

    afterAll(() => {
      fs.rmSync(work, { recursive: true, force: true });
    });

    const tryRepo = (...args: string[]) => run("pre-commit", ["try-repo", PROJECT, "burn-dragon-config", ...args], repo, env);

    test("a valid config passes", () => {
      const result = tryRepo("--files", "config/run.toml");
      expect(result.stdout).toMatch(/burn_dragon training config\.+Passed/);
      expect(result.status).toBe(0);
    });

    test("invalid configs fail with the Rust message, for the file that set the value", () => {
      const result = tryRepo("--all-files");
      console.log(result.stdout.slice(result.stdout.indexOf("burn_dragon training config")));
      expect(result.stdout).toMatch(/burn_dragon training config\.+Failed/);
      expect(result.stdout).toContain(`config/shared/low-bit.toml:`);
      expect(result.stdout).toContain(`error: ${message}`);
      expect(result.stdout).toContain("3 files checked: 1 valid, 2 invalid");
      expect(result.status).toBe(1);
    });
  });
}
