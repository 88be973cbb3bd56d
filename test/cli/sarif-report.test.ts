import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { escapeControls, issueKinds } from "../../dist/report";
import { rulesByType } from "../../dist/types/rules-by-type";
import { cli } from "../support/cli";
import { ciInputs } from "../support/ci-inputs";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

const ISSUE_KINDS = issueKinds();

/** Microsoft's SARIF validator, the binary its npm package ships for this platform, and whether it runs here. */
function multitool(): { binary: string } | { skipped: string } {
  let binary: string;
  try {
    binary = require("@microsoft/sarif-multitool") as string;
  } catch (error) {
    return { skipped: `@microsoft/sarif-multitool has no binary for ${process.platform}: ${(error as Error).message}` };
  }
  const run = spawnSync(binary, ["--version"], { encoding: "utf8", env: VALIDATOR_ENV });
  if (run.status !== 0) return { skipped: `the SARIF Multitool does not run here: ${run.error?.message ?? run.stderr.trim()}` };
  return { binary };
}

/** .NET without libicu wants invariant globalization. */
const VALIDATOR_ENV = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" };

interface SarifResult {
  ruleId?: string;
  level?: string;
  message: { text?: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Record<string, number> } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
  ruleIndex?: number;
  properties?: { trainerError?: string[] };
}

/** The validator's findings on a log: those it rates `error` (its own log's results default to `warning`). */
function validatorErrors(binary: string, log: string): string[] {
  const dir = tempDir({ "report.sarif": log });
  const output = path.join(dir, "validation.sarif");
  const run = spawnSync(binary, ["validate", path.join(dir, "report.sarif"), "--output", output, "--log", "ForceOverwrite"], { encoding: "utf8", env: VALIDATOR_ENV });
  if (!fs.existsSync(output)) throw new Error(`the SARIF Multitool wrote no log: ${run.stdout}${run.stderr}`);
  const results = (JSON.parse(fs.readFileSync(output, "utf8")) as { runs: { results?: SarifResult[] }[] }).runs.flatMap((each) => each.results ?? []);
  return results.filter((result) => result.level === "error").map((result) => `${result.ruleId}: ${JSON.stringify(result.message)}`);
}

const { dir, runs } = ciInputs();
const tool = multitool();
const withValidator = "binary" in tool ? test : test.skip;
const skipReason = "skipped" in tool ? ` (skipped: ${tool.skipped})` : "";

withValidator(`the validator finds errors in a log that breaks SARIF's rules${skipReason}`, () => {
  const log = JSON.parse(cli(["validate", "--format", "sarif", "examples/broken.toml"], dir).stdout);
  log.runs[0].results[0].ruleIndex = 999;
  delete log.version;
  expect(validatorErrors((tool as { binary: string }).binary, JSON.stringify(log))).not.toEqual([]);
});

describe.each(runs)("--format sarif on $name", ({ args }) => {
  const sarif = cli(["validate", "--format", "sarif", ...args], dir);
  const json = cli(["validate", "--format", "json", ...args], dir);
  const log = JSON.parse(sarif.stdout);
  const results: SarifResult[] = log.runs[0].results;

  withValidator(`the SARIF Multitool finds no error in the log${skipReason}`, () => {
    expect(validatorErrors((tool as { binary: string }).binary, sarif.stdout)).toEqual([]);
  });

  test("the exit status of the text report; each result's rule is the one at its index", () => {
    expect(sarif.status).toBe(cli(["validate", ...args], dir).status);
    expect(sarif.stderr).toBe("");
    const rules = log.runs[0].tool.driver.rules as { id: string }[];
    for (const result of results) expect(rules[result.ruleIndex!].id).toBe(result.ruleId);
  });

  test("one result per issue of the JSON report, once, its region starting at the JSON report's line and column; controls escaped", () => {
    type Issue = { file: string; line: number; column: number; path: string; message: string };
    const files = JSON.parse(json.stdout).files as ({ status: "unreadable"; problem: Issue } | { status: string; errors: Issue[]; warnings: Issue[] })[];
    const fromJson = new Set<string>();
    for (const config of files) {
      const issues = "problem" in config ? [{ ...config.problem, level: "error" }] : [...config.errors.map((e) => ({ ...e, level: "error" })), ...config.warnings.map((w) => ({ ...w, level: "warning" }))];
      for (const issue of issues) fromJson.add(JSON.stringify([issue.level, issue.file, issue.line ?? null, issue.column ?? null, escapeControls(issue.message)]));
    }
    const fromSarif = results.map((result) => {
      const location = result.locations![0].physicalLocation;
      const file = decodeURIComponent(location.artifactLocation.uri);
      const message = result.message.text!.replace(/ \(via [^)]*\)$/, "");
      return JSON.stringify([result.level, file, location.region?.startLine ?? null, location.region?.startColumn ?? null, message]);
    });
    expect(new Set(fromSarif).size).toBe(fromSarif.length);
    expect(new Set(fromSarif)).toEqual(fromJson);
  });

  test("the trainer's error of each invalid config is marked, once", () => {
    const files = JSON.parse(json.stdout).files as { file: string; status: string }[];
    const marked = results.flatMap((result) => result.properties?.trainerError ?? []);
    expect(marked.sort()).toEqual(files.filter((config) => config.status === "invalid").map((config) => config.file).sort());
  });
});

test("a base two configs extend: one result, with the extends entry of each as related locations", () => {
  const log = JSON.parse(cli(["validate", "--format", "sarif", "config/run.toml", "config/sweep/a.toml"], dir).stdout);
  const inBase = (log.runs[0].results as SarifResult[]).filter((result) => result.locations![0].physicalLocation.artifactLocation.uri === "config/base.toml");
  expect(inBase).toHaveLength(1);
  expect(inBase[0].relatedLocations!.map((related) => related.physicalLocation.artifactLocation.uri)).toEqual(["config/run.toml", "config/sweep/a.toml"]);
  expect(inBase[0].properties?.trainerError).toEqual(["config/sweep/a.toml"]);
});

describe("the rules", () => {
  test("one per validate() rule of src/types, each with the Rust message, and every id once", () => {
    const messages = Object.values(rulesByType).flatMap((rules) => rules.map((rule) => rule.message));
    const ruleKinds = ISSUE_KINDS.filter((kind) => kind.id.startsWith("validate/"));
    expect(ruleKinds.map((kind) => kind.description)).toEqual(messages);
    expect(new Set(ISSUE_KINDS.map((kind) => kind.id)).size).toBe(ISSUE_KINDS.length);
  });

  test("each help link names a page of docs/ and a heading on it", () => {
    for (const { help } of ISSUE_KINDS) {
      const page = fs.readFileSync(path.join(PROJECT, help.page), "utf8");
      if (help.anchor === undefined) continue;
      const anchors = [...page.matchAll(/^#+ (.+)$/gm)].map(([, heading]) => heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-"));
      expect(anchors).toContain(help.anchor);
    }
  });
});
