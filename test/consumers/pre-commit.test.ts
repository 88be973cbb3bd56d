import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chainCases } from "../support/chain-cases";
import { PROJECT } from "../support/project";
import { COMMIT, committedCopy, git, GIT_ENV } from "../support/project-copy";

/**
 * `.pre-commit-hooks.yaml` with the real pre-commit (Debian's package), as a repository adding
 * the hooks runs them: the Node hook installed from a git copy of this checkout and run by
 * `git commit`, the Python hook through `pre-commit try-repo`.
 */
const probe = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const unavailable = probe.error ? `pre-commit is not installed (${probe.error.message}; apt-get install pre-commit)` : null;
const pythonProbe = spawnSync("python3", ["-c", "import jsonschema, tomli"], { encoding: "utf8" });
const pythonUnavailable = pythonProbe.error
  ? `no python3 on PATH (${pythonProbe.error.message})`
  : pythonProbe.status !== 0
    ? `the python3 on PATH lacks jsonschema or tomli (${pythonProbe.stderr.trim().split("\n").pop()}); .ci/run puts a venv with them first on PATH`
    : null;

/** pre-commit's installs (npm for the Node hook) fetch packages: more than a test's usual time. */
const INSTALL_TIMEOUT_MS = 20 * 60 * 1000;

const { valid, broken, breaksDependent } = chainCases();

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  return { status: result.status, output: result.stdout + result.stderr };
}

/** A temp folder, pre-commit's cache inside it rather than the user's. */
function workspace(): { work: string; env: NodeJS.ProcessEnv } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pre-commit-"));
  return { work, env: { ...GIT_ENV, PRE_COMMIT_HOME: path.join(work, "cache") } };
}

function write(repo: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    fs.writeFileSync(path.join(repo, name), text);
  }
}

if (unavailable) {
  test.skip(`pre-commit hooks (skipped: ${unavailable})`, () => undefined);
} else {
  describe("git commit with the burn-dragon-config hook (Node)", () => {
    const { work, env } = workspace();
    const repo = path.join(work, "configs");
    const head = () => git(["rev-parse", "HEAD"], repo).trim();
    const commit = (message: string) => run("git", [...COMMIT, message], repo, env);

    beforeAll(() => {
      const hooks = path.join(work, "hooks");
      fs.mkdirSync(hooks);
      const rev = committedCopy(hooks);
      fs.mkdirSync(repo);
      git(["init", "-q"], repo);
      write(repo, {
        ".pre-commit-config.yaml": `repos:\n  - repo: ${JSON.stringify(hooks)}\n    rev: ${rev}\n    hooks:\n      - id: burn-dragon-config\n`,
        "config/base.toml": breaksDependent.base,
        "config/run.toml": breaksDependent.run,
        "config/other.toml": valid,
      });
      const installed = run("pre-commit", ["install", "--install-hooks"], repo, env);
      if (installed.status !== 0) throw new Error(`pre-commit install failed:\n${installed.output}`);
    }, INSTALL_TIMEOUT_MS);

    afterAll(() => {
      fs.rmSync(work, { recursive: true, force: true });
    });

    test("a commit of valid configs passes", () => {
      git(["add", "-A"], repo);
      const result = commit("valid configs");
      expect(result.output).toMatch(/burn_dragon training config\.+Passed/);
      expect(result.status).toBe(0);
      expect(git(["log", "--format=%s"], repo).trim()).toBe("valid configs");
    });

    test("a staged base, valid alone, that breaks a config extending it is refused, naming that config", () => {
      const before = head();
      write(repo, { "config/base.toml": breaksDependent.changed });
      git(["add", "config/base.toml"], repo);
      const result = commit("a base that breaks its run");
      expect(result.status).not.toBe(0);
      expect(head()).toBe(before);
      expect(result.output).toMatch(/burn_dragon training config\.+Failed/);
      expect(result.output).toContain("config/run.toml");
      expect(result.output).toContain(breaksDependent.message);
      git(["checkout", "HEAD", "--", "config/base.toml"], repo);
    });

    test("a staged broken base is refused with the Rust message, once, with the config that reads it", () => {
      const before = head();
      write(repo, { "config/base.toml": broken.text });
      git(["add", "config/base.toml"], repo);
      const result = commit("a broken base");
      expect(result.status).not.toBe(0);
      expect(head()).toBe(before);
      expect(result.output).toContain("config/base.toml");
      expect(result.output).toContain(broken.message);
      // Printed once, with the config that reads it.
      expect(result.output.split(broken.message)).toHaveLength(2);
      expect(result.output).toContain("= via config/run.toml");
      git(["checkout", "HEAD", "--", "config/base.toml"], repo);
    });

    test("a valid change to the base, its dependents still valid, passes", () => {
      write(repo, { "config/base.toml": `# The settings every run shares.\n${breaksDependent.base}` });
      git(["add", "config/base.toml"], repo);
      const result = commit("a valid base change");
      expect(result.output).toMatch(/burn_dragon training config\.+Passed/);
      expect(result.status).toBe(0);
    });
  });
}

if (unavailable || pythonUnavailable) {
  test.skip(`pre-commit hook burn-dragon-config-python (skipped: ${unavailable ?? pythonUnavailable})`, () => undefined);
} else {
  describe("pre-commit try-repo with the burn-dragon-config-python hook", () => {
    const { work, env } = workspace();
    const repo = path.join(work, "configs");

    beforeAll(() => {
      write(repo, { "config/run.toml": valid, "config/shared/low-bit.toml": broken.text, "config/child.toml": 'extends = "shared/low-bit.toml"\n' });
      git(["init", "-q"], repo);
      git(["add", "."], repo);
      git([...COMMIT, "configs"], repo);
    });

    afterAll(() => {
      fs.rmSync(work, { recursive: true, force: true });
    });

    const tryRepo = (...args: string[]) => run("pre-commit", ["try-repo", PROJECT, "burn-dragon-config-python", ...args], repo, env);

    test("a valid config passes", () => {
      const result = tryRepo("--files", "config/run.toml");
      expect(result.output).toMatch(/burn_dragon training config \(Python\)\.+Passed/);
      expect(result.status).toBe(0);
    });

    test("invalid configs fail with the Rust message, for the file that set the value", () => {
      const result = tryRepo("--all-files");
      expect(result.output).toMatch(/burn_dragon training config \(Python\)\.+Failed/);
      expect(result.output).toContain(`config/shared/low-bit.toml:`);
      expect(result.output).toContain(`error: ${broken.message}`);
      expect(result.output).toContain("3 files checked: 1 valid, 2 invalid");
      expect(result.status).toBe(1);
    });
  });
}
