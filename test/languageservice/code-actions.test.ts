import * as fs from "node:fs";
import * as path from "node:path";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-types";
import { main } from "../../dist/cli/main";
import { codeActionsAt, diagnosticsOf } from "../../dist/languageservice";
import { readDocument, type ConfigFormat } from "../../dist/text/read-document";
import { applied } from "../support/lsp-client";
import { uriOf, viewsOf } from "../support/service";
import { readVectors } from "../support/vectors";
import { tempDir } from "../support/temp-dir";

interface CliIssue {
  file: string;
  path: string;
  message: string;
  suggestion?: string;
}

/** The issues of `validate --format json` on a file that carry a suggestion. */
function suggested(file: string): CliIssue[] {
  let out = "";
  main(["validate", "--format", "json", file], { out: (text) => void (out += text), err: () => undefined });
  const [report] = JSON.parse(out).files as { errors?: CliIssue[]; warnings?: CliIssue[] }[];
  return [...(report.errors ?? []), ...(report.warnings ?? [])].filter((issue) => issue.suggestion !== undefined);
}

const said = (d: Diagnostic) => d.message as string;

function positionsOf(text: string, file: string): Map<string, unknown> {
  return readDocument(text, path.extname(file).slice(1) as ConfigFormat).positions;
}

/** The one edit of an action, in the file it changes. */
function editOf(action: CodeAction): { uri: string; edit: TextEdit } {
  const [[uri, edits]] = Object.entries(action.edit!.changes!);
  expect(edits).toHaveLength(1);
  return { uri, edit: edits[0] };
}

/**
 * Every issue of a file that the command line gives a suggestion for has one preferred quick fix
 * on its diagnostic: one edit of that file that writes the suggestion in place of the name, and
 * nothing else; once applied, the issue is gone. A key whose suggestion its table already holds
 * has none (the two settings would merge). Returns what went otherwise.
 */
function fixesHold(file: string, text: string): { wrong: string[]; fixed: number } {
  fs.writeFileSync(file, text);
  const wrong: string[] = [];
  const issues = suggested(file);
  const diagnostics = diagnosticsOf(file, viewsOf(new Map([[file, text]])), uriOf);
  let fixed = 0;
  for (const issue of issues) {
    const diagnostic = diagnostics.find((d) => said(d) === issue.message);
    if (diagnostic === undefined) {
      wrong.push(`no diagnostic: ${issue.message}`);
      continue;
    }
    const actions = codeActionsAt(file, diagnostic.range, viewsOf(new Map([[file, text]])), uriOf).filter((action) => action.diagnostics?.some((d) => said(d) === issue.message));
    const sibling = `${issue.path.slice(0, issue.path.lastIndexOf("/"))}/${issue.suggestion}`;
    if (issue.message.includes("unknown field") && positionsOf(text, file).has(sibling)) {
      if (actions.length > 0) wrong.push(`a fix onto a key its table holds: ${issue.message}`);
      continue;
    }
    if (actions.length !== 1 || actions[0].isPreferred !== true || actions[0].kind !== "quickfix") {
      wrong.push(`${actions.length} actions for ${issue.message}`);
      continue;
    }
    const { uri, edit } = editOf(actions[0]);
    const after = applied(text, [edit]);
    if (uri !== uriOf(file) || edit.newText !== issue.suggestion) wrong.push(`edit ${JSON.stringify(edit)} for ${issue.message}`);
    // The text around the name is as it was: comments, layout, quotes.
    const before = text.split("\n")[edit.range.start.line];
    const line = after.split("\n")[edit.range.start.line];
    if (line.slice(0, edit.range.start.character) !== before.slice(0, edit.range.start.character) || !line.endsWith(before.slice(edit.range.end.character))) wrong.push(`line ${line} from ${before}`);
    const left = diagnosticsOf(file, viewsOf(new Map([[file, after]])), uriOf).map(said);
    if (left.includes(issue.message)) wrong.push(`still there after the fix: ${issue.message}`);
    fixed++;
  }
  return { wrong, fixed };
}

describe("the quick fixes of the issue: a mis-cased variant, a mistyped section, a misspelt field", () => {
  test.each([
    ["run.toml", '# the upstream recipe\n[model.qaunt]\nenable = true\nprotocol = "BitNet_B158"  # as the paper writes it\nstict_bitnet_reference = true\n'],
    ["run.toml", '[model.quant]\nenable = true\nprotocol = "BitNet_B158"  # as the paper writes it\nstict_bitnet_reference = true\ntarget_modules = ["Decoder_Y"]\n'],
    ["run.json", '{\n  "model": {\n    "quant": {"enable": true, "protocol": "BitNet_B158", "stict_bitnet_reference": true},\n    "rho": {"precison": "fp32"}\n  }\n}\n'],
    ["run.yaml", "model:\n  qaunt:\n    protocol: BitNet_B158 # kept\n  rho:\n    precision: 'BF16'\n"],
  ])("%s", (name, text) => {
    const { wrong, fixed } = fixesHold(path.join(fs.realpathSync.native(tempDir()), name), text);
    expect(wrong).toEqual([]);
    expect(fixed).toBeGreaterThan(0);
  });
});

describe("every issue with one answer in the TOML text vectors", () => {
  test("has its fix, which mends it", () => {
    const format = "toml";
    const dir = fs.realpathSync.native(tempDir());
    const vectors = readVectors("toml-text.jsonl").filter((vector) => vector.format === format);
    const wrong: string[] = [];
    let fixed = 0;
    for (const vector of vectors) {
      const result = fixesHold(path.join(dir, `v${vector.id}.${format}`), vector.text);
      wrong.push(...result.wrong.map((line) => `#${vector.id}: ${line}`));
      fixed += result.fixed;
    }
    console.log(`${format}: ${fixed} issues fixed by their quick fix`);
    expect(wrong).toEqual([]);
    expect(fixed).toBeGreaterThan(20);
  });
});

test("an issue set in a base, shown at the extends entry, is fixed in the base", () => {
  const dir = fs.realpathSync.native(tempDir({ "shared/base.toml": '[model.quant]\nenable = true\nprotocol = "Bitnet_b158"\n' }));
  const [base, child] = [path.join(dir, "shared/base.toml"), path.join(dir, "run.toml")];
  const text = 'extends = "shared/base.toml"\n[model.rho]\nprecision = "bf16"\n';
  const views = viewsOf(new Map([[child, text]]));
  const [diagnostic] = diagnosticsOf(child, views, uriOf);
  const [action] = codeActionsAt(child, diagnostic.range, views, uriOf);
  expect(action).toMatchObject({ title: "write `bitnet_b158` in shared/base.toml", isPreferred: true });
  const { uri, edit } = editOf(action);
  expect(uri).toBe(uriOf(base));
  const fixedBase = applied(fs.readFileSync(base, "utf8"), [edit]);
  expect(diagnosticsOf(child, viewsOf(new Map([[child, text], [base, fixedBase]])), uriOf)).toEqual([]);
});

test("no fix where there is no single answer", () => {
  const file = path.join(fs.realpathSync.native(tempDir()), "run.toml");
  const text = '[model.quant]\nenable = true\nprotocol = "none"\nact_grouping = "per_grup"\nweight_format = "bitnet"\n';
  const views = viewsOf(new Map([[file, text]]));
  const diagnostics = diagnosticsOf(file, views, uriOf);
  expect(diagnostics.length).toBeGreaterThan(1);
  const titles = diagnostics.flatMap((d) => codeActionsAt(file, d.range, views, uriOf).map((action) => action.title));
  expect(titles).toEqual(["write `per_group`"]);
});
