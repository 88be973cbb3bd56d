import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ErrorCode,
  getLanguageService,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  TextDocument,
} from "vscode-json-languageservice";
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import { quantizationRules, rhoRules, trainerRules } from "../../src/types";
import { quantizationVariants } from "../../src/types/quant/variants";
import { PROJECT } from "../support/project";
import { Agreement, jsonDocumentCases, RULE_MESSAGES } from "../support/rust-verdicts";

/**
 * VS Code's JSON support (vscode-json-languageservice) with `schema/burn-dragon-config.schema.json`
 * associated the way a `json.schemas` setting does. It must never fetch anything: the file
 * is self-contained, so any schema request is a failure.
 *
 * VS Code's own defaults apply: schema problems are warnings, syntax errors are errors, and
 * a duplicate key is a "Duplicate object key" warning. So "VS Code rejects" means "VS Code
 * reports any problem": every diagnostic counts, whatever its severity.
 */
const SCHEMA_FILE = path.join(PROJECT, "schema/burn-dragon-config.schema.json");
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
const requested: string[] = [];
const service = getLanguageService({
  schemaRequestService: async (uri) => {
    requested.push(uri);
    throw new Error(`no network: ${uri}`);
  },
  clientCapabilities: { textDocument: { completion: { completionItem: { documentationFormat: ["markdown"] } } } },
});
service.configure({
  validate: true,
  schemas: [{ uri: pathToFileURL(SCHEMA_FILE).href, fileMatch: ["*.json"], schema }],
});

/** For each rule message, where it belongs: the field's path, the rule's condition and the path it is read from. */
type Place = { at: string[]; when: unknown; root: string[] };
const RULES = new Map<string, Place>([
  ...quantizationRules.map((rule): [string, Place] => [rule.message, { at: ["model", "quant", ...rule.at], when: rule.when, root: ["model", "quant"] }]),
  ...rhoRules.map((rule): [string, Place] => [rule.message, { at: ["model", "rho", ...rule.at], when: rule.when, root: ["model", "rho"] }]),
  ...trainerRules.map((rule): [string, Place] => [rule.message, { at: [...rule.at], when: rule.when, root: [] }]),
]);

/**
 * Where a rule's message belongs in a document: the field if present; else, in the deepest
 * table on the way, the name of a field the rule's condition tests there.
 */
function isPlaceOf(text: string, message: string, span: number[]): boolean {
  const tree = parseTree(text)!;
  const { at, when, root } = RULES.get(message)!;
  const field = findNodeAtLocation(tree, at);
  if (field) return span[0] === field.offset && span[1] === field.offset + field.length;
  for (let depth = at.length - 1; depth >= root.length; depth--) {
    const table = findNodeAtLocation(tree, at.slice(0, depth));
    if (!table) continue;
    let condition = when as Record<string, unknown>;
    for (const name of at.slice(root.length, depth)) condition = condition[name] as Record<string, unknown>;
    const keys = (table.children ?? []).map((pair) => pair.children![0]).filter((key) => key.value in condition);
    return keys.some((key) => span[0] === key.offset && span[1] === key.offset + key.length);
  }
  return false;
}

let version = 0;
function open(text: string): TextDocument {
  return TextDocument.create("file:///work/config.json", "json", ++version, text);
}

async function diagnostics(text: string): Promise<Diagnostic[]> {
  const document = open(text);
  return service.doValidation(document, service.parseJSONDocument(document));
}

const agreement = new Agreement("VS Code (vscode-json-languageservice)");

afterAll(() => {
  console.log(agreement.summary);
  expect(requested).toEqual([]);
});

describe("whole documents: a problem exactly when Rust rejects, and the Rust message for a rule", () => {
  const cases = jsonDocumentCases();

  test("there are cases of every kind", () => {
    const kinds = new Set(cases.map((c) => (c.expect.valid ? "valid" : c.expect.stage)));
    expect([...kinds].sort()).toEqual(["deserialize", "valid", "validate"]);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, { text, expect: rust }) => {
    const found = await diagnostics(text);
    const shown = found.map((d) => (typeof d.message === "string" ? d.message : d.message.value));
    agreement.record(rust, found.length > 0, shown);
    const document = open(text);
    if (rust.valid) {
      expect(shown).toEqual([]);
    } else if (rust.stage === "validate") {
      // Rust stops at its first failing rule; VS Code shows every one, each in Rust's words.
      expect(shown).toContain(rust.message);
      expect(shown.filter((message) => !RULE_MESSAGES.has(message))).toEqual([]);
      // Underlined at the offending field, or when it is omitted at a field of its table
      // that the rule tests.
      const spans = found
        .filter((d) => d.message === rust.message)
        .map((d) => [document.offsetAt(d.range.start), document.offsetAt(d.range.end)]);
      expect(spans.some((span) => isPlaceOf(text, rust.message, span))).toBe(true);
    } else {
      expect(found.length).toBeGreaterThan(0);
    }
  });

  test("a duplicate key, which Rust rejects, is reported as VS Code's duplicate-key warning", async () => {
    const duplicates = cases.filter((c) => c.name.startsWith("json-text"));
    expect(duplicates.length).toBeGreaterThan(0);
    for (const { text } of duplicates) {
      const codes = (await diagnostics(text)).map((d) => d.code);
      expect(codes).toContain(ErrorCode.DuplicateKey);
    }
  });
});

describe("editing", () => {
  const text = '{\n  "model": {\n    "quant": {\n      "protocol": "bitnet_b158"\n    }\n  }\n}\n';
  const document = open(text);
  const json = service.parseJSONDocument(document);
  const at = (needle: string, shift = 0) => document.positionAt(text.indexOf(needle) + shift);
  const markdown = (value: unknown): string => {
    if (Array.isArray(value)) return value.map(markdown).join("\n\n");
    return typeof value === "string" ? value : (value as MarkupContent).value;
  };

  test("completion offers every protocol variant with its description", async () => {
    const list = (await service.doComplete(document, at('"bitnet_b158"'), json)) as CompletionList;
    const offered = new Map(list.items.map((item) => [item.label, markdown(item.documentation)]));
    for (const [variant, doc] of Object.entries(quantizationVariants.BitNetLowBitProtocol)) {
      expect(offered.get(JSON.stringify(variant))).toContain(doc);
    }
  });

  test("hover on a key shows the field's description", async () => {
    const hover = await service.doHover(document, at('"protocol"', 2), json);
    const field = schema.definitions.LowBitQuantizationConfig.properties.protocol;
    expect(markdown(hover?.contents)).toContain(field.markdownDescription);
  });

  test("hover on a value shows the variant's description", async () => {
    const hover = await service.doHover(document, at('"bitnet_b158"', 2), json);
    expect(markdown(hover?.contents)).toContain(quantizationVariants.BitNetLowBitProtocol.bitnet_b158);
  });
});
