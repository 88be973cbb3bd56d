import fc from "fast-check";
import { readDocument, type ConfigFormat } from "../../dist/text/read-document";
import { checkDocument } from "../../dist/text/document-check";
import { applyFixes, fixOf, type Fix } from "../../dist/report";
import { LineIndex } from "../../dist/text/parse/position";

/** Every fix a strict check of `text` finds, as the loader names the file `f`. */
function fixesOf(text: string, format: ConfigFormat): Fix[] {
  const document = readDocument(text, format);
  for (const { key, value } of document.spans.values()) for (const range of [key, value]) if (range) range.start.file = range.end.file = "f";
  const check = checkDocument(document, { strict: true });
  return [...check.errors, ...check.warnings].flatMap((located) => fixOf({ ...located, at: { ...located.at, file: "f" } }, document.spans, () => text) ?? []);
}

/** The reference: each fix made on its own, from the text's end back, so that none moves another. */
function oneByOne(text: string, fixes: readonly Fix[]): string {
  const lines = new LineIndex(text);
  return [...fixes]
    .sort((a, b) => lines.offsetOf(b.range.start) - lines.offsetOf(a.range.start))
    .reduce((out, fix) => out.slice(0, lines.offsetOf(fix.range.start)) + fix.newText + out.slice(lines.offsetOf(fix.range.end)), text);
}

describe.each<[string, ConfigFormat, string, string]>([
  [
    "TOML, comments and layout kept",
    "toml",
    "# run\n[model.qaunt]   # the recipe\nprotocol = \"BitNet_B158\"  # b1.58\n\n[model.rho]\nprecision='FP32'\n",
    // A misspelt section hides the values inside it: their fixes come in the next round.
    "# run\n[model.quant]   # the recipe\nprotocol = \"BitNet_B158\"  # b1.58\n\n[model.rho]\nprecision='fp32'\n",
  ],
  ["TOML, CRLF", "toml", "[model.quant]\r\nprotocol = \"BitNet_B158\"\r\nstict_bitnet_reference = true\r\n", "[model.quant]\r\nprotocol = \"bitnet_b158\"\r\nstrict_bitnet_reference = true\r\n"],
  ["TOML, two fixes on one line", "toml", "model.quant = { protocol = \"BitNet_B158\", weight_format = \"Ternary158\" }\n", "model.quant = { protocol = \"bitnet_b158\", weight_format = \"ternary158\" }\n"],
  ["JSON, two fixes on one line", "json", '{"model": {"qaunt": {"protocol": "BitNet_B158"}}}', '{"model": {"quant": {"protocol": "BitNet_B158"}}}'],
  ["JSON, CRLF", "json", '{\r\n  "model": {\r\n    "quant": {"protocol": "BitNet_B158", "act_grouping": "per_tokn"}\r\n  }\r\n}\r\n', '{\r\n  "model": {\r\n    "quant": {"protocol": "bitnet_b158", "act_grouping": "per_token"}\r\n  }\r\n}\r\n'],
  ["YAML, comments kept", "yaml", "model:\n  quant:   # low bit\n    protocol: BitNet_B158  # b1.58\n    stict_bitnet_reference: true\n", "model:\n  quant:   # low bit\n    protocol: bitnet_b158  # b1.58\n    strict_bitnet_reference: true\n"],
  ["YAML, CRLF, flow", "yaml", "model:\r\n  quant: {protocol: 'BitNet_B158', weight_format: \"Ternary158\"}\r\n", "model:\r\n  quant: {protocol: 'bitnet_b158', weight_format: \"ternary158\"}\r\n"],
])("%s", (_, format, text, expected) => {
  test("every fix made, the rest of the text as it was, as made one by one", () => {
    const fixes = fixesOf(text, format);
    const result = applyFixes(text, fixes);
    expect(result.text).toBe(expected);
    expect(result.text).toBe(oneByOne(text, fixes));
    expect(result.applied).toHaveLength(fixes.length);
  });

  test("in any order, each fix given any number of times: the same text, each fix once", () => {
    const fixes = fixesOf(text, format);
    fc.assert(
      fc.property(fc.shuffledSubarray(fixes.flatMap((fix) => [fix, { ...fix }, fix])), (given) => {
        const distinct = new Set(given.map((fix) => JSON.stringify([fix.range, fix.newText])));
        const result = applyFixes(text, given);
        expect(result.applied).toHaveLength(distinct.size);
        expect(result.text).toBe(oneByOne(text, result.applied));
      }),
    );
  });
});

test("fixes that overlap a different one are not made; the others are", () => {
  const text = "[model.quant]\nprotocol = \"BitNet_B158\"\nweight_format = \"Ternary158\"\n";
  const fixes = fixesOf(text, "toml");
  const [protocol, weight] = fixes;
  const rival: Fix = { ...protocol, newText: "none" };
  const inside: Fix = { ...protocol, range: { start: { ...protocol.range.start, column: protocol.range.start.column + 2 }, end: protocol.range.end }, newText: "x" };
  for (const other of [rival, inside]) {
    const result = applyFixes(text, [protocol, weight, other]);
    expect(result.applied).toEqual([weight]);
    expect(result.text).toBe(text.replace("Ternary158", "ternary158"));
  }
});

test("no fixes: the text as it was", () => {
  fc.assert(fc.property(fc.string(), (text) => expect(applyFixes(text, [])).toEqual({ text, applied: [] })));
});
