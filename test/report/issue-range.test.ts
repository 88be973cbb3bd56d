import { readDocument } from "../../dist/text/read-document";
import { checkDocument } from "../../dist/text/document-check";
import { issueRange, keyKind } from "../../dist/report";
import { LineIndex } from "../../dist/text/parse/position";
import { pointerTokens, valueAt } from "../../dist/util/pointer";
import { readVectors } from "../support/vectors";

/** A value as the document holds it, in a form both readers agree on (datetimes as text, integers past 2^53 as digits). */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { toISOString?: unknown }).toISOString === "function") {
    return String(value);
  }
  return value;
}

/** smol-toml, a reader of its own, reads each stretch back. */
const { parse: parseToml } = require("smol-toml") as { parse: (text: string) => Record<string, unknown> };

const readers = { toml: (text: string) => parseToml(`v = ${text}`).v, json: (text: string) => JSON.parse(text) as unknown };

/**
 * Over every text vector, each issue's stretch holds what the issue is about: the key it names,
 * unquoted, or for a value the issue judges, text that reads back as that value.
 */
describe.each(["toml", "json"] as const)("the stretch of every issue of the %s text vectors", (format) => {
  const vectors = readVectors(format === "toml" ? "toml-text.jsonl" : "json-text.jsonl").filter((vector) => vector.format === format);
  let checked = { keys: 0, values: 0 };

  afterAll(() => console.log(`${format}: ${checked.keys} key stretches, ${checked.values} value stretches read back`));

  test("is the key, or reads back as the value", () => {
    checked = { keys: 0, values: 0 };
    const wrong: string[] = [];
    for (const vector of vectors) {
      let document;
      try {
        document = readDocument(vector.text, format);
      } catch {
        continue;
      }
      const check = checkDocument(document, { strict: true });
      const lines = new LineIndex(vector.text);
      for (const located of check.errors) {
        const { path } = located.issue;
        if (!document.positions.has(path) || path === "") continue;
        const range = issueRange(located, document.spans);
        const value = valueAt(document.value, path);
        const isScalar = value === null || typeof value !== "object";
        // A list or table in a list has neither key nor scalar to stand on.
        if (range === undefined) {
          if (isScalar || !/\/\d+$/.test(path)) wrong.push(`${vector.id} ${path}: no stretch`);
          continue;
        }
        const covered = vector.text.slice(lines.offsetOf(range.start), lines.offsetOf(range.end));
        if (keyKind(path) === "value" && isScalar && !document.written.has(path)) {
          let read: unknown;
          try {
            read = readers[format](covered);
          } catch {
            read = `unreadable ${covered}`;
          }
          if (!Object.is(plain(read), plain(value)) && JSON.stringify(plain(read)) !== JSON.stringify(plain(value))) wrong.push(`${vector.id} ${path}: ${covered}`);
          checked.values++;
        } else if (keyKind(path) !== "value" || !isScalar) {
          const tokens = pointerTokens(path);
          const name = tokens[tokens.length - 1];
          const unquoted = /^["']/.test(covered) ? (readers[format === "toml" ? "toml" : "json"](covered) as string) : covered;
          // A list or table is judged at its key, or at its brackets where it has none (an item).
          if (unquoted !== name && !covered.startsWith("[") && !covered.startsWith("{")) wrong.push(`${vector.id} ${path}: ${covered}`);
          checked.keys++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked.values).toBeGreaterThan(100);
  });
});
