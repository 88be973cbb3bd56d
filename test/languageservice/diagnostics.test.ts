import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "vscode-languageserver-types";
import { main } from "../../dist/cli/main";
import { diagnosticsOf, FIRST_ERROR } from "../../dist/languageservice";
import { readDocument } from "../../dist/text/read-document";
import { LineIndex } from "../../dist/text/parse/position";
import { HOSTILE_FILES } from "../support/hostile-files";
import { Random } from "../support/random-config";
import { writeRandomTree } from "../support/random-tree";
import { FIXTURES } from "../support/project";
import { uriOf, viewsOf, type Buffers } from "../support/service";
import { tempDir } from "../support/temp-dir";
import { where } from "../support/where";

interface CliIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What `validate --format json` says of one file, run as the command line runs. */
function cliReport(file: string): { status: string; errors: CliIssue[]; warnings: CliIssue[]; problem?: CliIssue } {
  let out = "";
  main(["validate", "--format", "json", file], { out: (text) => void (out += text), err: () => undefined });
  return JSON.parse(out).files[0];
}

/** The real path of a file as the command line names it (relative to the working folder, or as given). */
function realOf(shown: string): string {
  try {
    return fs.realpathSync.native(path.resolve(shown));
  } catch {
    return path.resolve(shown);
  }
}

/** The text a diagnostic's range covers in `text`. */
function covered(text: string, { range }: Diagnostic): string {
  const lines = new LineIndex(text);
  const offset = ({ line, character }: { line: number; character: number }) => lines.offsetOf({ line: line + 1, column: character + 1 });
  return text.slice(offset(range.start), offset(range.end));
}

/** The server writes every message as plain text. */
const said = (d: Diagnostic): string => d.message as string;

/** Whether a text names what makes a file a burn_dragon config: a section of the model, or `extends`. */
const names = (text: string) => /\b(quant|rho|extends)\b/.test(text);

const nameFrom = (from: string, file: string) => path.relative(path.dirname(from), file).split(path.sep).join("/");

/**
 * The diagnostics of `head`, open alone, against the command line's report on it: each issue
 * set in the head at its line with the command line's message; each issue set in a base at an
 * `extends` entry of the head, named `base:line:column: message`, the base's place as related
 * information; the issue the trainer reports first marked, and only it; a file that cannot be
 * checked, one diagnostic with the command line's reason. Returns what differs.
 */
function differences(head: string): string[] {
  const text = fs.readFileSync(head, "utf8");
  const diagnostics = diagnosticsOf(head, viewsOf(new Map([[head, text]])), uriOf);
  const report = cliReport(head);
  const wrong: string[] = [];
  if (!names(text)) return diagnostics.length === 0 ? [] : [`not a config, given ${JSON.stringify(diagnostics.map(said))}`];
  if (report.status === "unreadable") {
    const problem = report.problem!;
    const inHead = problem.file === undefined || realOf(problem.file) === head;
    const message = inHead ? problem.message : `${nameFrom(head, realOf(problem.file))}:${problem.line}:${problem.column}: ${problem.message}`;
    if (diagnostics.length < 1 || diagnostics.some((d) => said(d) !== message)) wrong.push(`unreadable: ${JSON.stringify(problem)} as ${JSON.stringify(diagnostics.map((d) => said(d)))}`);
    return wrong;
  }
  const entries = extendsEntries(text);
  const expected = new Set<string>();
  const issues = [...report.errors.map((issue, i) => ({ issue, severity: 1, first: i === 0 })), ...report.warnings.map((issue) => ({ issue, severity: 2, first: false }))];
  for (const { issue, severity, first } of issues) {
    const setIn = realOf(issue.file);
    const own = setIn === head;
    const message = own ? issue.message : `${nameFrom(head, setIn)}:${issue.line}:${issue.column}: ${issue.message}`;
    expected.add(message);
    const shown = diagnostics.filter((d) => said(d) === message && d.severity === severity);
    if (shown.length === 0) wrong.push(`missing: ${message}`);
    for (const d of shown) {
      if ((d.code === FIRST_ERROR) !== first) wrong.push(`${first ? "unmarked" : "marked"} first error: ${message}`);
      if (own && d.range.start.line !== issue.line - 1) wrong.push(`on line ${d.range.start.line + 1}, set on ${issue.line}: ${message}`);
      if (!own) {
        const entry = covered(text, d).replace(/^["']|["']$/g, "");
        if (!entries.includes(entry)) wrong.push(`not at an extends entry (${JSON.stringify(covered(text, d))}): ${message}`);
        const related = d.relatedInformation?.[0]?.location;
        if (related?.uri !== uriOf(setIn) || related.range.start.line !== issue.line - 1) wrong.push(`related information ${JSON.stringify(related)}: ${message}`);
      }
    }
  }
  for (const d of diagnostics) if (!expected.has(said(d))) wrong.push(`unexpected: ${said(d)}`);
  return wrong;
}

/** The paths a TOML file's `extends` names, where it reads. */
function extendsEntries(text: string): string[] {
  try {
    const value = (readDocument(text, "toml").value as { extends?: unknown }).extends;
    return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === "string");
  } catch {
    return [];
  }
}

const TREES = 150;

describe("the diagnostics of an open file are the command line's verdict on the config it heads", () => {
  test(`every file of ${TREES} random trees of config files (extends chains, links, cycles, missing bases, TOML slips)`, () => {
    const rng = new Random(20261204);
    const root = fs.realpathSync.native(tempDir());
    const wrong: string[] = [];
    let checked = 0;
    for (let i = 0; i < TREES; i++) {
      const dir = path.join(root, String(i));
      fs.mkdirSync(dir);
      writeRandomTree(dir, rng);
      for (const name of ["a.toml", "b.toml", "c.toml", "sub/d.toml", "sub/e.toml", "sub/deep/f.toml"]) {
        const head = path.join(dir, name);
        wrong.push(...differences(head).map((line) => `${head}: ${line}`));
        checked++;
      }
    }
    console.log(`${checked} open files, each against the command line's report`);
    expect(wrong).toEqual([]);
  });

  test("the upstream configs", () => {
    const dir = path.join(FIXTURES, "upstream/config/language");
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((file) => file.endsWith(".toml"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect(differences(path.join(dir, file))).toEqual([]);
  });
});

describe("a chain of files, as the issue tells it", () => {
  const BASE = '[model.quant]\nenable = true\ntraining_mode = "train_kernel_exp"\nprotocol = "bitnet_b158"\n\n[model.rho]\ndetach_between_windows = false\n';

  test("a file that sets saved_activations.mode over a base that enables quantization with the kernel training mode is valid", () => {
    const dir = fs.realpathSync.native(tempDir({ "base.toml": BASE }));
    const child = path.join(dir, "child.toml");
    const text = 'extends = "base.toml"\n\n[model.quant.saved_activations]\nmode = "quantized_cache_exp"\n';
    fs.writeFileSync(child, text);
    expect(cliReport(child).status).toBe("valid");
    const views = viewsOf(new Map([[child, text], [path.join(dir, "base.toml"), BASE]]));
    expect(diagnosticsOf(child, views, uriOf)).toEqual([]);
    expect(diagnosticsOf(path.join(dir, "base.toml"), views, uriOf)).toEqual([]);
    // The same file with no base is the one a per-file check sees: the trainer refuses it.
    const alone = viewsOf(new Map([[child, text.replace('extends = "base.toml"\n', "")]]));
    expect(diagnosticsOf(child, alone, uriOf).map((d) => said(d))).toEqual(["model.quant.saved_activations.mode requires model.quant.enable = true"]);
  });

  test("a base fine alone, broken by its child's carry_across_tbptt = false: shown on the child at its extends entry, and on the open base", () => {
    const dir = fs.realpathSync.native(tempDir({ "base.toml": BASE }));
    const base = path.join(dir, "base.toml");
    const child = path.join(dir, "runs/child.toml");
    const text = 'extends = ["../base.toml"]\n\n[model.rho]\ncarry_across_tbptt = false\n';
    const views = viewsOf(new Map([[child, text], [base, BASE]]));
    const rule = "model.rho.detach_between_windows must remain true when model.rho.carry_across_tbptt = false";
    const detach = where(BASE, "detach_between_windows");
    const [onChild] = diagnosticsOf(child, views, uriOf);
    expect(onChild).toMatchObject({ message: `../base.toml:${detach.line}:${detach.column}: ${rule}`, code: FIRST_ERROR, severity: 1 });
    expect(covered(text, onChild)).toBe('"../base.toml"');
    expect(onChild.relatedInformation?.map((info) => [info.location.uri, info.location.range.start.line])).toEqual([[uriOf(base), detach.line - 1]]);
    const onBase = diagnosticsOf(base, views, uriOf);
    expect(onBase.map((d) => said(d))).toEqual([`${rule} (in the config of runs/child.toml)`]);
    expect(covered(BASE, onBase[0])).toBe("false");
    expect(onBase[0].relatedInformation?.map((info) => info.location.uri)).toEqual([uriOf(child)]);
    // Alone, the base is valid: nothing of the child is left once the child is closed.
    expect(diagnosticsOf(base, viewsOf(new Map([[base, BASE]])), uriOf)).toEqual([]);
  });
});

describe("files that are not burn_dragon configs get nothing", () => {
  test.each([
    ["package.json", '{"name": "x", "version": "1.0.0", "scripts": {"test": "jest"}, "mode": "production"}\n'],
    ["ci.yaml", "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n"],
    ["Cargo.toml", '[package]\nname = "x"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n'],
    ["broken.json", '{"name": "x", "version": \n'],
    ["broken.toml", "[package\nname = \n"],
    ["training.toml", "[training]\nfast_train = true\nsteps = 3\n"],
  ])("%s", (name, text) => {
    const file = path.join(fs.realpathSync.native(tempDir()), name);
    expect(diagnosticsOf(file, viewsOf(new Map([[file, text]])), uriOf)).toEqual([]);
  });

  test("a file of that kind that an open config extends shows that config's issues set in it", () => {
    const dir = fs.realpathSync.native(tempDir());
    const [base, child] = [path.join(dir, "training.toml"), path.join(dir, "run.toml")];
    const buffers: Buffers = new Map([
      [base, "[training]\nfast_train = true\n"],
      [child, 'extends = "training.toml"\n[model.quant]\nenable = false\n'],
    ]);
    const views = viewsOf(buffers);
    expect(diagnosticsOf(base, views, uriOf).map((d) => [said(d), d.range.start.line])).toEqual([[expect.stringMatching(/^training\.fast_train has been removed.* \(in the config of run\.toml\)$/), 1]]);
  });
});

describe("open buffers come before the disk", () => {
  test("a file never saved extends a base on disk; a base's unsaved text is the one read", () => {
    const dir = fs.realpathSync.native(tempDir({ "base.toml": '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\n' }));
    const [base, child] = [path.join(dir, "base.toml"), path.join(dir, "new/child.toml")];
    const text = 'extends = "../base.toml"\n[model.quant]\nact_grouping = "per_token"\n';
    expect(fs.existsSync(child)).toBe(false);
    expect(diagnosticsOf(child, viewsOf(new Map([[child, text]])), uriOf)).toEqual([]);
    const unsaved = '[model.quant]\nenable = true\nprotocol = "none"\n';
    const views = viewsOf(new Map([[child, text], [base, unsaved]]));
    expect(diagnosticsOf(child, views, uriOf).map((d) => said(d))).toEqual([`../base.toml:3:1: model.quant.protocol must not be "none" when model.quant.enable = true`]);
    expect(diagnosticsOf(base, views, uriOf).map((d) => said(d))).toEqual(['model.quant.protocol must not be "none" when model.quant.enable = true']);
  });
});

describe("a large or hostile buffer gets what the command line says of the same file", () => {
  test.each(HOSTILE_FILES.map((row) => [row.name, row] as const))("%s (a text that names no section nor extends gets nothing unless it cannot be read)", (_name, row) => {
    const dir = fs.realpathSync.native(tempDir(Object.fromEntries(Object.entries(row.beside ?? {}).map(([name, text]) => [name, text()]))));
    const file = path.join(dir, row.file);
    const text = row.text();
    fs.writeFileSync(file, text);
    const diagnostics = diagnosticsOf(file, viewsOf(new Map([[file, text]])), uriOf);
    const report = cliReport(file);
    const errors = diagnostics.filter((d) => d.severity === 1).map((d) => said(d));
    if (report.status === "unreadable") expect(errors).toEqual([report.problem!.message]);
    else if (names(text)) expect(errors).toEqual(report.errors.map((issue) => issue.message));
    else expect(diagnostics).toEqual([]);
  });

  test("a buffer over the size limit, or holding NUL bytes, gets one diagnostic saying why", () => {
    const file = path.join(fs.realpathSync.native(tempDir()), "big.toml");
    const big = `[model.quant]\nenable = true\n# ${"x".repeat(300 * 1024)}\n`;
    expect(diagnosticsOf(file, viewsOf(new Map([[file, big]])), uriOf).map((d) => said(d))).toEqual(["cannot read: it is 301 KB, over the 256 KB limit for a config file"]);
    expect(diagnosticsOf(file, viewsOf(new Map([[file, "a = 1\u0000"]])), uriOf).map((d) => said(d))).toEqual(["not a text file: it contains NUL bytes"]);
  });
});

describe("text mid-typing", () => {
  /** A config in each syntax the server reads. */
  const configs: [string, string][] = [
    ["modifier.toml", fs.readFileSync(path.join(FIXTURES, "upstream/config/language/shared/current_best_large_bitnet_modifier.toml"), "utf8")],
    ["run.json", '{\n  "extends": "base.toml",\n  "model": {"quant": {"enable": true, "protocol": "bitnet_b158", "target_modules": ["decoder_y"]},\n  "rho": {"precision": "bf16"}}\n}\n'],
    ["run.yaml", "extends: [base.toml]\nmodel:\n  quant:\n    enable: true\n    protocol: bitnet_b158\n  rho:\n    precision: bf16 # kept\n"],
  ];

  test.each(configs)("%s cut at every offset: a syntax diagnostic whenever the command line refuses it, and nothing thrown", (name, whole) => {
    const dir = fs.realpathSync.native(tempDir({ "base.toml": "[model.rho]\ncarry_across_tbptt = true\n" }));
    const file = path.join(dir, name);
    const wrong: string[] = [];
    for (let cut = 0; cut <= whole.length; cut++) {
      const text = whole.slice(0, cut);
      fs.writeFileSync(file, text);
      const report = cliReport(file);
      const errors = diagnosticsOf(file, viewsOf(new Map([[file, text]])), uriOf).filter((d) => d.severity === 1);
      const refused = report.status === "unreadable" || report.errors.length > 0;
      // A cut that leaves no section or extends is not a config until it names one.
      if (names(text) && refused !== errors.length > 0) wrong.push(`${cut}: ${report.status} ${JSON.stringify(report.errors?.[0] ?? report.problem)} as ${JSON.stringify(errors.map((d) => said(d)))}`);
    }
    expect(wrong).toEqual([]);
  });
});
