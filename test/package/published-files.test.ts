import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILES } from "../../src/validate/targets";
import { PROJECT } from "../support/project";

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
