import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../../../dist";
import { FileProblem } from "../../../../dist/files/file-problem";
import { readText } from "../../../../dist/files/read-text";
import { parseToml } from "../../../../dist/text/parse/toml";
import { TOML_SYNTAX_KINDS } from "../../../../dist/text/parse/toml/syntax-kinds";
import { ConfigSyntaxError } from "../../../../dist/text/parse/syntax-error";
import type { TreeNode } from "../../../../dist/text/parse/tree";
import { FIXTURES } from "../../../support/project";

/**
 * The official TOML conformance suite's 1.1 list (toml-lang/toml-test, see SOURCE), which the
 * trainer's toml 0.9.11 reads: every valid file read to the values the suite expects, every
 * invalid one refused with one `invalid TOML: …` issue at a line and column.
 */
const dir = path.join(FIXTURES, "toml-test");
const list = fs
  .readFileSync(path.join(dir, "LIST"), "utf8")
  .split("\n")
  .filter((line) => line.endsWith(".toml"));

/** toml-test's tagged JSON: `{ type, value }` for every scalar. */
type Tagged = { type: string; value: string } | Tagged[] | { [key: string]: Tagged };

function tagged(node: TreeNode): Tagged {
  switch (node.kind) {
    case "table":
      return Object.fromEntries(node.entries.map((entry) => [entry.key, tagged(entry.value)]));
    case "array":
      return node.items.map(tagged);
    case "datetime":
      return { type: datetimeType(node.text), value: node.text };
    case "scalar":
      switch (typeof node.value) {
        case "string":
          return { type: "string", value: node.value };
        case "boolean":
          return { type: "bool", value: String(node.value) };
        case "bigint":
          return { type: "integer", value: String(node.value) };
        case "number":
          return node.float
            ? { type: "float", value: Object.is(node.value, -0) ? "-0" : String(node.value) }
            : { type: "integer", value: String(node.value) };
      }
  }
  throw new Error(`unexpected node ${JSON.stringify(node)}`);
}

function datetimeType(text: string): string {
  const date = /^\d{4}-\d{2}-\d{2}/.test(text);
  const time = /\d{2}:\d{2}:\d{2}/.test(text);
  if (date && time) return /(Z|[+-]\d{2}:\d{2})$/.test(text) ? "datetime" : "datetime-local";
  return date ? "date-local" : "time-local";
}

/** Two tagged values are the same TOML value: numbers by value, instants by their text with the fraction's trailing zeros dropped. */
function same(expected: Tagged, actual: Tagged): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length && expected.every((item, i) => same(item, actual[i]));
  }
  if ("type" in expected && typeof expected.type === "string" && typeof expected.value === "string") {
    const other = actual as { type?: string; value?: string };
    if (other.type !== expected.type) return false;
    switch (expected.type) {
      case "integer":
        return BigInt(expected.value) === BigInt(other.value ?? "x");
      case "float":
        return Object.is(Number(expected.value.replace(/^([+-]?)inf$/, "$1Infinity")), Number(String(other.value).replace("inf", "Infinity")));
      case "datetime":
      case "datetime-local":
      case "time-local":
        return expected.value.replace(/(\.\d*?)0+(?=$|Z|[+-])/, "$1").replace(/\.(?=$|Z|[+-])/, "") === other.value;
      default:
        return expected.value === other.value;
    }
  }
  if (Array.isArray(actual) || typeof actual !== "object" || "type" in actual && typeof actual.type === "string") return false;
  const keys = Object.keys(expected);
  return keys.length === Object.keys(actual).length && keys.every((key) => key in actual && same((expected as Record<string, Tagged>)[key], (actual as Record<string, Tagged>)[key]));
}

const valid = list.filter((file) => file.startsWith("valid/"));
const invalid = list.filter((file) => file.startsWith("invalid/"));

test(`all ${valid.length} valid files are read to the values toml-test expects`, () => {
  expect(valid.length).toBeGreaterThan(200);
  const wrong: string[] = [];
  for (const file of valid) {
    const text = readText(path.join(dir, file));
    const expected = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.toml$/, ".json")), "utf8")) as Tagged;
    let actual: Tagged;
    try {
      actual = tagged(parseToml(text));
    } catch (error) {
      wrong.push(`${file}: ${String(error)}`);
      continue;
    }
    if (!same(expected, actual)) wrong.push(`${file}: expected ${JSON.stringify(expected)}, read ${JSON.stringify(actual)}`);
    const result = validateConfigText(text, "toml");
    if (!result.valid && result.errors[0].message.startsWith("invalid TOML")) wrong.push(`${file}: ${JSON.stringify(result.errors[0])}`);
  }
  expect(wrong).toEqual([]);
});

test(`all ${invalid.length} invalid files are refused, each with one placed issue`, () => {
  expect(invalid.length).toBeGreaterThan(400);
  const wrong: string[] = [];
  let notUtf8 = 0;
  for (const file of invalid) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(fs.readFileSync(path.join(dir, file)));
    } catch {
      // Bytes that are not UTF-8 never reach the parser: the file reader refuses them.
      let refused = false;
      try {
        readText(path.join(dir, file));
      } catch (error) {
        refused = error instanceof FileProblem && /not valid UTF-8|NUL bytes/.test(error.message);
      }
      if (refused) notUtf8++;
      else wrong.push(`${file}: not UTF-8, yet read`);
      continue;
    }
    const result = validateConfigText(text, "toml");
    const lines = text.split("\n").length;
    if (result.valid) wrong.push(`${file}: accepted`);
    else if (
      result.errors.length !== 1 ||
      result.errors[0].stage !== "deserialize" ||
      !result.errors[0].message.startsWith("invalid TOML: ") ||
      !(result.errors[0].line! >= 1 && result.errors[0].line! <= lines && result.errors[0].column! >= 1)
    ) {
      wrong.push(`${file}: ${JSON.stringify(result.errors)}`);
    }
  }
  console.log(`toml-test invalid: ${invalid.length} files, ${notUtf8} refused by the file reader as not UTF-8, ${wrong.length} wrong`);
  expect(wrong).toEqual([]);
});

test("every invalid file that is UTF-8 is refused with an error of a named class, never the parser's own words", () => {
  const counts = new Map<string, number>();
  const wrong: string[] = [];
  for (const file of invalid) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(fs.readFileSync(path.join(dir, file)));
    } catch {
      continue;
    }
    try {
      parseToml(text);
      wrong.push(`${file}: read`);
    } catch (error) {
      const kind = error instanceof ConfigSyntaxError ? error.kind : undefined;
      if (kind === undefined || !(kind in TOML_SYNTAX_KINDS) || kind === "unclassified") wrong.push(`${file}: ${kind}: ${String(error)}`);
      else counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
  console.log(`toml-test invalid by class: ${sorted.map(([kind, n]) => `${kind} ${n}`).join(", ")}`);
  expect(wrong).toEqual([]);
  // The list exercises most classes, not a few.
  expect(counts.size).toBeGreaterThan(Object.keys(TOML_SYNTAX_KINDS).length / 2);
});
