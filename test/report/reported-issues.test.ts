import * as path from "node:path";
import { checkConfig } from "../../dist/report/config-report";
import { reportedIssues } from "../../dist/report";
import { tempDir } from "../support/temp-dir";
import { validateConfigText } from "../../dist";

const BROKEN_BASE = '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\nweight_format = "ternary158"\nact_grouping = "per_group"\n';
const OPTIONS = { extends: true, strict: false };

function reportsIn(dir: string, files: string[]) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return files.map((file) => ({ file, ...checkConfig([file], OPTIONS) }));
  } finally {
    process.chdir(cwd);
  }
}

describe("the issues of a run, each once", () => {
  const dir = tempDir({
    "config/base.toml": BROKEN_BASE,
    "config/run.toml": 'extends = "base.toml"\n',
    "config/sweep/a.toml": 'extends = "../base.toml"\n[model.rho]\nprecision = "fp8_exp"\n',
  });

  test("an issue in a shared base is reported once, with every config that brings it in", () => {
    const reports = reportsIn(dir, ["config/run.toml", "config/sweep/a.toml", "config/base.toml"]);
    const inBase = reports.flatMap((report) => (report.status === "unreadable" ? [] : report.errors)).filter((e) => e.at.file === "config/base.toml");
    // Each of the three configs holds the base's issue.
    expect(inBase).toHaveLength(3);
    const issues = reportedIssues(reports);
    const base = issues.filter((issue) => issue.file === "config/base.toml");
    expect(base).toHaveLength(1);
    expect(base[0].via).toEqual(["config/run.toml", "config/sweep/a.toml"]);
    expect(base[0].located.issue.message).toBe((validateConfigText(BROKEN_BASE, "toml") as { errors: { message: string }[] }).errors[0].message);
  });

  test("in reading order, by file then place; the first of each config's errors is the one its trainer stops at", () => {
    const reports = reportsIn(dir, ["config/sweep/a.toml", "config/run.toml"]);
    const issues = reportedIssues(reports);
    const places = issues.map((issue) => [issue.file, issue.located.at.line]);
    expect(places).toEqual([...places].sort((a, b) => (a[0] === b[0] ? Number(a[1]) - Number(b[1]) : a[0] < b[0] ? -1 : 1)));
    for (const report of reports) {
      if (report.status === "unreadable") throw new Error(`${report.file} should be checked`);
      const first = issues.find((issue) => issue.firstFor.includes(report.file));
      expect(first?.located).toEqual(report.errors[0]);
      expect(issues.filter((issue) => issue.firstFor.includes(report.file))).toHaveLength(1);
    }
  });

  test("a file named on its own is not a base of itself", () => {
    const issues = reportedIssues(reportsIn(dir, [path.join("config", "base.toml")]));
    expect(issues.map((issue) => issue.via)).toEqual([[]]);
  });
});
