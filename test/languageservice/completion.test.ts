import * as fs from "node:fs";
import * as path from "node:path";
import type { CompletionItem, MarkupContent, TextEdit } from "vscode-languageserver-types";
import { main } from "../../dist/cli/main";
import { completionsAt } from "../../dist/languageservice";
import { readDocument, type ConfigFormat } from "../../dist/text/read-document";
import { valueAt } from "../../dist/util/pointer";
import { LineIndex } from "../../dist/text/parse/position";
import { applied } from "../support/lsp-client";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

const schema = JSON.parse(fs.readFileSync(path.join(PROJECT, "schema/burn-dragon-config.schema.json"), "utf8"));
const STRUCTS: Record<string, { properties: Record<string, Record<string, unknown>> }> = {
  "/model/quant": schema.definitions.LowBitQuantizationConfig,
  "/model/rho": schema.definitions.LowBitRhoConfig,
  "/model/quant/saved_activations": schema.definitions.LowBitQuantizationConfig.properties.saved_activations,
  "/model": schema.properties.model,
};

/** A schema field at a pointer, and the values it lists (a list's items' for a list). */
function field(pointer: string): { values: unknown[]; descriptions: (string | undefined)[] } {
  const at = pointer.lastIndexOf("/");
  const [table, name] = [pointer.slice(0, at), pointer.slice(at + 1)];
  const node = STRUCTS[table]?.properties[name] ?? STRUCTS[table.slice(0, table.lastIndexOf("/"))].properties[table.slice(table.lastIndexOf("/") + 1)];
  const listed = (node.items ?? node) as { enum?: unknown[]; enumDescriptions?: string[]; type?: string };
  if (listed.type === "boolean") return { values: [true, false], descriptions: [undefined, undefined] };
  return { values: listed.enum!, descriptions: listed.enumDescriptions! };
}

/** A text with `|` where the cursor stands: the text, and the cursor's place. */
function cursor(marked: string): { text: string; at: { line: number; column: number } } {
  const offset = marked.indexOf("|");
  const before = marked.slice(0, offset).split("\n");
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), at: { line: before.length, column: before[before.length - 1].length + 1 } };
}

const EXTENSIONS: Record<ConfigFormat, string> = { toml: "toml", json: "json", yaml: "yaml" };

function complete(format: ConfigFormat, marked: string, beside: Record<string, string> = {}): { items: CompletionItem[]; text: string; file: string } {
  const dir = fs.realpathSync.native(tempDir(beside));
  const file = path.join(dir, `run.${EXTENSIONS[format]}`);
  const { text, at } = cursor(marked);
  fs.writeFileSync(file, text);
  return { items: completionsAt(file, at, { textOf: (real) => (real === file ? text : undefined) }), text, file };
}

const edited = (text: string, item: CompletionItem) => applied(text, [item.textEdit as TextEdit]);
const doc = (item: CompletionItem) => (item.documentation as MarkupContent | undefined)?.value;

describe.each<[string, ConfigFormat, string, string]>([
  ["a TOML value", "toml", '[model.quant]\nprotocol = |\n', "/model/quant/protocol"],
  ["a TOML value, its quote opened", "toml", '[model.quant]\nprotocol = "bit|\n', "/model/quant/protocol"],
  ["a TOML value, inside its quotes", "toml", "[model.quant]\nprotocol = 'bit|'\n", "/model/quant/protocol"],
  ["a TOML value of a dotted key", "toml", "[model]\nquant.saved_activations.mode = |\n", "/model/quant/saved_activations/mode"],
  ["a TOML list item", "toml", '[model.quant]\ntarget_modules = ["decoder_y", |]\n', "/model/quant/target_modules/1"],
  ["a TOML flag", "toml", "[model.rho]\nstats_monitoring = |\n", "/model/rho/stats_monitoring"],
  ["a TOML value under a table of its own", "toml", '[model.quant.saved_activations]\nformat = "|"\n', "/model/quant/saved_activations/format"],
  ["a JSON value", "json", '{"model": {"quant": {"protocol": "|"}}}', "/model/quant/protocol"],
  ["a JSON value, no quote yet", "json", '{"model": {"rho": {"precision": |}}}', "/model/rho/precision"],
  ["a YAML value", "yaml", "model:\n  rho:\n    compression: |\n", "/model/rho/compression"],
  ["a YAML list item", "yaml", "model:\n  quant:\n    target_modules:\n      - |\n", "/model/quant/target_modules/0"],
])("%s", (_name, format, marked, pointer) => {
  const { items, text } = complete(format, marked);
  const { values, descriptions } = field(pointer.replace(/\/\d+$/, ""));

  test("every value the schema lists, with its description", () => {
    expect(items.map((item) => item.label)).toEqual(values.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).filter((label) => !(label === "null" && format === "toml")));
    expect(items.map(doc)).toEqual(descriptions.slice(0, items.length));
  });

  test("each, applied, is that value where the cursor was, the rest of the text as it was", () => {
    for (const [i, item] of items.entries()) {
      const after = edited(text, item);
      const value = valueAt(readDocument(after, format).value, pointer);
      expect(value).toEqual(values[i]);
      const { start, end } = (item.textEdit as TextEdit).range;
      const offset = (at: { line: number; character: number }) => new LineIndex(text).offsetOf({ line: at.line + 1, column: at.character + 1 });
      expect(after.slice(0, offset(start))).toBe(text.slice(0, offset(start)));
      expect(after.endsWith(text.slice(offset(end)))).toBe(true);
    }
  });
});

describe.each<[string, ConfigFormat, string, string, string[]]>([
  ["TOML under [model.quant]", "toml", "[model.quant]\nenable = true\n|\n", "/model/quant", ["enable"]],
  ["TOML, a key begun", "toml", "[model.quant]\nstrict_bitnet_reference = true\npro|\n", "/model/quant", ["strict_bitnet_reference"]],
  ["TOML, a dotted key", "toml", "[model.quant]\nsaved_activations.|\n", "/model/quant/saved_activations", []],
  ["TOML under [model.rho]", "toml", "[model.rho]\n|", "/model/rho", []],
  ["TOML under [model.quant.saved_activations]", "toml", '[model.quant.saved_activations]\nmode = "disabled"\n|\n', "/model/quant/saved_activations", ["mode"]],
  ["JSON", "json", '{"model": {"quant": {"enable": true, "|"}}}', "/model/quant", ["enable"]],
  ["YAML", "yaml", "model:\n  rho:\n    precision: bf16\n    |\n", "/model/rho", ["precision"]],
])("keys: %s", (_name, format, marked, table, written) => {
  test("every field of the table not yet written, with its description", () => {
    const { items, text } = complete(format, marked);
    const fields = STRUCTS[table].properties;
    expect(items.map((item) => item.label)).toEqual(Object.keys(fields).filter((name) => !written.includes(name)));
    expect(items.map(doc)).toEqual(items.map((item) => expect.stringContaining(String(fields[item.label].description))));
    for (const item of items) {
      const line = edited(text, item).split("\n")[cursor(marked).at.line - 1];
      if (format === "json") expect(line).toContain(`"${item.label}"`);
      else expect(line).toMatch(new RegExp(`(^|[\\s.])${item.label}$`));
    }
  });
});

test("a TOML header offers the tables", () => {
  expect(complete("toml", "[model.|]\n").items.map((item) => item.label)).toEqual(["quant", "rho"]);
  expect(complete("toml", "[model.quant.|\n").items.map((item) => item.label)).toEqual(["saved_activations"]);
});

test("nothing where no field is: an open table's keys, a value of no enum, a comment", () => {
  expect(complete("toml", "[training]\n|\n").items).toEqual([]);
  expect(complete("toml", "[model]\nn_layer = |\n").items).toEqual([]);
  expect(complete("toml", "# a note |\n").items).toEqual([]);
});

describe("a value the config the file heads would reject says so, as the command line says it", () => {
  const BASE = '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\ntarget_modules = ["decoder_y"]\n';
  test.each<[string, string]>([
    ["act_grouping", 'extends = "base.toml"\n[model.quant]\nact_grouping = |\n'],
    ["act_format", 'extends = "base.toml"\n[model.quant]\nact_format = |\n'],
    ["protocol", 'extends = "base.toml"\n[model.quant]\nprotocol = |\n'],
    ["detach_between_windows", 'extends = "base.toml"\n[model.rho]\ncarry_across_tbptt = false\ndetach_between_windows = |\n'],
  ])("%s", (_name, marked) => {
    const { items, text, file } = complete("toml", marked, { "base.toml": BASE });
    expect(items.length).toBeGreaterThan(1);
    let rejected = 0;
    for (const item of items) {
      fs.writeFileSync(file, edited(text, item));
      let out = "";
      main(["validate", "--format", "json", file], { out: (chunk) => void (out += chunk), err: () => undefined });
      const [first] = (JSON.parse(out).files[0].errors ?? []) as { stage: string; message: string }[];
      expect(item.detail).toBe(first?.stage === "validate" ? `rejected here: ${first.message}` : undefined);
      if (item.detail) rejected++;
    }
    expect(rejected).toBeGreaterThan(0);
  });
});
