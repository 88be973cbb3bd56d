import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILES } from "../../src/validate/targets";
import { PROJECT } from "../support/project";
import { committedCopy, git } from "../support/project-copy";
import { tempDir } from "../support/temp-dir";

/**
 * What `npm publish` would ship, as `npm pack --dry-run` lists it: exactly the allowed
 * paths, everything the package's entry points and README point to among them.
 */
const README = fs.readFileSync(path.join(PROJECT, "README.md"), "utf8");
const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT, "package.json"), "utf8"));

function packed(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PROJECT, encoding: "utf8" });
  const [{ files }] = JSON.parse(out) as [{ files: { path: string }[] }];
  return files.map((file) => file.path).sort();
}

/** Every module of `src/`, compiled: its code and its declarations. */
function compiledSources(dir = "src"): string[] {
  return fs.readdirSync(path.join(PROJECT, dir), { withFileTypes: true }).flatMap((entry) => {
    const at = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return compiledSources(at);
    const base = `dist/${at.slice("src/".length, -".ts".length)}`;
    return entry.name.endsWith(".ts") ? [`${base}.js`, `${base}.d.ts`] : [];
  });
}

const GENERATED = [
  ...["verdict", "explain"].flatMap((kind) => ["quant", "rho", "config"].map((target) => `dist/generated/${kind}-${target}.js`)),
  "dist/generated/document-shape.json",
];

const ALLOWED = new Set([
  "package.json",
  "README.md",
  "LICENSE",
  "bin/burn-dragon-schema.js",
  ...Object.values(SCHEMA_FILES).map((file) => `schema/${file}`),
  ...fs.readdirSync(path.join(PROJECT, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`),
  "examples/bitnet.toml",
  "examples/editors/runs/run.toml",
  "examples/editors/shared/bitnet.toml",
  "examples/broken.toml",
  "examples/sections.toml",
  "examples/sweep/base.toml",
  "examples/sweep/no-detach.toml",
  "examples/sweep/run-a.toml",
  ...compiledSources(),
  "dist/index.mjs",
  "dist/index.d.mts",
  "dist/cli/bin.js",
  ...GENERATED,
]);

/** The README's links to files of the package (not to web pages, not to its own headings). */
const README_LINKS = [...README.matchAll(/\]\(([^)\s]+)\)/g)]
  .map((match) => match[1])
  .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith("#"))
  .map((target) => target.replace(/#.*$/, ""));

describe("npm pack", () => {
  const files = packed();

  test("ships exactly the allowed paths", () => {
    expect(files.filter((file) => !ALLOWED.has(file))).toEqual([]);
    expect([...ALLOWED].filter((file) => !files.includes(file))).toEqual([]);
  });

  test("ships every file the README links to", () => {
    expect(README_LINKS.length).toBeGreaterThanOrEqual(2);
    expect(README_LINKS.filter((target) => !files.includes(path.posix.normalize(target)))).toEqual([]);
  });

  test("ships what package.json points to: main, types, bin and every export", () => {
    const exported = Object.values(manifest.exports as Record<string, unknown>).flatMap(function targets(entry: unknown): string[] {
      if (typeof entry === "string") return entry.includes("*") ? [] : [entry];
      return Object.values(entry as Record<string, unknown>).flatMap(targets);
    });
    const pointed = [manifest.main, manifest.types, ...Object.values(manifest.bin as Record<string, string>), ...exported];
    expect(pointed.map((file: string) => path.posix.normalize(file)).filter((file) => !files.includes(file))).toEqual([]);
  });

  test("names its license, with the license text shipped beside it", () => {
    expect(manifest.license).toBe("MIT");
    expect(fs.readFileSync(path.join(PROJECT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
  });

  test("says where it lives: repository, homepage, issues and keywords", () => {
    expect(manifest.repository).toEqual({ type: "git", url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w.-]+\/burn-dragon-schema\.git$/) });
    const page = manifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(manifest.homepage).toBe(`${page}#readme`);
    expect(manifest.bugs).toEqual({ url: `${page}/issues` });
    expect(manifest.keywords).toEqual(expect.arrayContaining(["json-schema", "burn_dragon"]));
  });
});

/** npm ci, npm pack and npm install fetch packages: more than a test's usual time. */
const INSTALL_TIMEOUT_MS = 20 * 60 * 1000;

/**
 * The package as a user gets it from a clean clone, where dist/ is not committed: `npm ci`,
 * `npm pack` (whose prepare script builds dist/), the tarball installed into a fresh project.
 */
describe("npm pack in a clean clone, installed into a project", () => {
  const work = tempDir();
  const user = path.join(work, "user");
  let tarballFiles: string[] = [];
  const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  beforeAll(() => {
    const source = path.join(work, "source");
    fs.mkdirSync(source);
    committedCopy(source);
    git(["clone", "-q", source, "clone"], work);
    const clone = path.join(work, "clone");
    npm(["ci"], clone);
    // The last line is the tarball's name: the prepare script's output is kept back (.npmrc).
    const tarball = path.join(clone, npm(["pack"], clone).trim().split("\n").pop()!);
    tarballFiles = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.replace(/^package\//, ""))
      .sort();
    fs.mkdirSync(user);
    fs.writeFileSync(path.join(user, "package.json"), '{ "name": "user-project", "private": true }\n');
    npm(["install", tarball], user);
    fs.cpSync(path.join(PROJECT, "examples"), path.join(user, "examples"), { recursive: true });
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  test("the tarball holds exactly the allowed paths, dist/ included", () => {
    expect(tarballFiles.filter((file) => !ALLOWED.has(file))).toEqual([]);
    expect([...ALLOWED].filter((file) => !tarballFiles.includes(file))).toEqual([]);
  });

  test("require of the installed package validates", () => {
    const script = 'const m = require("burn-dragon-schema"); console.log(JSON.stringify(m.validateBurnDragonConfig({ model: { rho: { precision: "fp8_exp" } } }).valid));';
    expect(execFileSync(process.execPath, ["-e", script], { cwd: user, encoding: "utf8" }).trim()).toBe("false");
  });

  test("npx burn-dragon-schema validate: exit 0 for a valid example, 1 for a broken one", () => {
    const validate = (file: string) => spawnSync("npx", ["--no-install", "burn-dragon-schema", "validate", file], { cwd: user, encoding: "utf8" });
    expect(validate("examples/bitnet.toml")).toMatchObject({ status: 0 });
    const broken = validate("examples/broken.toml");
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("examples/broken.toml");
  });
});
