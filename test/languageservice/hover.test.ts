import * as fs from "node:fs";
import * as path from "node:path";
import type { MarkupContent } from "vscode-languageserver-types";
import { main } from "../../dist/cli/main";
import { hoverAt } from "../../dist/languageservice";
import { readDocument } from "../../dist/text/read-document";
import { PROJECT } from "../support/project";
import { viewsOf } from "../support/service";
import { tempDir } from "../support/temp-dir";

/** The published schema, read as a user's editor reads it. */
const schema = JSON.parse(fs.readFileSync(path.join(PROJECT, "schema/burn-dragon-config.schema.json"), "utf8"));

/** What the schema says of a field of `[model.quant]` or `[model.rho]` (or of `saved_activations`). */
function schemaField(dotted: string): { description: string; default: unknown; enum?: unknown[]; items?: { enum?: unknown[] } } {
  const [, section, ...rest] = dotted.split(".");
  let node = schema.definitions[section === "quant" ? "LowBitQuantizationConfig" : "LowBitRhoConfig"];
  for (const name of rest) node = node.properties[name];
  return node;
}

/** `FILE:LINE:COL: name = value` of `resolve --origins`, by name: where the command line says each value was set. */
function origins(file: string): Map<string, { file: string; line: number; column: number; value: string }> {
  let out = "";
  main(["resolve", "--origins", file], { out: (text) => void (out += text), err: () => undefined });
  return new Map(
    out
      .trim()
      .split("\n")
      .map((line) => {
        const [, shown, row, column, name, value] = /^(.*):(\d+):(\d+): (\S+) = (.*)$/.exec(line)!;
        return [name, { file: fs.realpathSync.native(path.resolve(shown)), line: Number(row), column: Number(column), value }];
      }),
  );
}

const CHAIN = {
  "shared/modifier.toml": '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\nact_format = "int8"\n\n[model.quant.saved_activations]\nmode = "quantized_cache_recompute_exp"\n',
  "stage.toml": 'extends = "shared/modifier.toml"\n\n[model.quant]\nprotocol = "bitnet_b1"\ntraining_mode = "train_kernel_exp"\n\n[model.rho]\nprecision = "fp32"\n',
  "runs/run.toml": 'extends = ["../stage.toml"]\n\n[model.quant]\nprotocol = "bitnet_b158"\ntarget_modules = ["decoder_y"]\n\n[model.rho]\nprecision = "bf16"\n',
};

const text = (hover: ReturnType<typeof hoverAt>) => (hover?.contents as MarkupContent | undefined)?.value ?? "";

describe("hover on every key of every file of a chain, each file open as the head of its config", () => {
  const dir = fs.realpathSync.native(tempDir(CHAIN));
  const files = Object.keys(CHAIN).map((name) => path.join(dir, name));
  const buffers = new Map(files.map((file) => [file, fs.readFileSync(file, "utf8")]));
  const views = viewsOf(buffers);
  const cases = files.flatMap((file) => {
    const document = readDocument(buffers.get(file)!, "toml");
    return [...document.spans].filter(([pointer, span]) => span.key && /^\/model\/(quant|rho)\/./.test(pointer)).map(([pointer, span]) => [path.relative(dir, file), pointer, file, span.key!.start] as const);
  });

  test("there are keys set in one file and overridden in another", () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  test.each(cases)("%s %s", (_name, pointer, file, at) => {
    const hover = text(hoverAt(file, at, views));
    const dotted = pointer.slice(1).split("/").join(".");
    const field = schemaField(dotted);
    expect(hover).toContain(field.description);
    expect(hover).toContain(`Default: \`${JSON.stringify(field.default)}\``);
    for (const value of field.enum ?? field.items?.enum ?? []) expect(hover).toContain(`- \`${JSON.stringify(value)}\``);
    const origin = origins(file).get(dotted);
    if (origin === undefined) return;
    // The value the command line resolves, and the file, line and column it names.
    const shown = path.relative(path.dirname(file), origin.file);
    expect(hover).toContain(`Here: \`${origin.value}\`, set at \`${shown}:${origin.line}:${origin.column}\``);
    // The other files of the chain that set it themselves.
    const others = files.filter((other) => other !== origin.file && views.get(file)!.files.has(other) && readDocument(buffers.get(other)!, "toml").positions.has(pointer));
    const overrides = /^Overrides (.*)$/m.exec(hover)?.[1] ?? "";
    for (const other of others) expect(overrides).toContain(`at \`${path.relative(path.dirname(file), other)}:`);
    expect(overrides.split(", ").filter(Boolean)).toHaveLength(others.length);
  });

  test("on an open base: the value an open config that extends it holds instead", () => {
    const base = path.join(dir, "stage.toml");
    const at = readDocument(buffers.get(base)!, "toml").spans.get("/model/rho/precision")!.key!.start;
    const run = origins(path.join(dir, "runs/run.toml")).get("model.rho.precision")!;
    expect(text(hoverAt(base, at, views))).toContain(`In the config of runs/run.toml: \`${run.value}\`, set at \`runs/run.toml:${run.line}:${run.column}\``);
  });

  test("on an extends entry: the file it resolves to", () => {
    const run = path.join(dir, "runs/run.toml");
    const at = readDocument(buffers.get(run)!, "toml").spans.get("/extends/0")!.value!.start;
    expect(text(hoverAt(run, { ...at, column: at.column + 3 }, views))).toContain(`\`${path.join(dir, "stage.toml")}\` (open in the editor)`);
  });
});

test("an extends entry that cannot be followed says why; a file that is not a config has no hovers", () => {
  const dir = fs.realpathSync.native(tempDir());
  const run = path.join(dir, "run.toml");
  const other = path.join(dir, "Cargo.toml");
  const views = viewsOf(new Map([[run, 'extends = "missing.toml"\n[model.rho]\nprecision = "bf16"\n'], [other, '[package]\nname = "x"\n']]));
  expect(text(hoverAt(run, { line: 1, column: 13 }, views))).toMatch(/^\*\*extends\*\* resolves to\n\ncannot be followed: extends "missing\.toml": cannot read .*missing\.toml: no such file$/);
  expect(hoverAt(other, { line: 2, column: 2 }, views)).toBeUndefined();
});
