import { readDocument, type ConfigFormat } from "../../dist/text/read-document";
import { checkDocument } from "../../dist/text/document-check";
import { fixOf, type Fix } from "../../dist/report";
import { LineIndex } from "../../dist/text/parse/position";

/** A text as the document of file `f`, as the loader names its places. */
function fileDocument(text: string, format: ConfigFormat) {
  const document = readDocument(text, format);
  for (const { key, value } of document.spans.values()) for (const range of [key, value]) if (range) range.start.file = range.end.file = "f";
  return document;
}

/** Each fixable issue's fix, applied: the text it leaves. */
function fixed(text: string, format: ConfigFormat): { fixes: Fix[]; text: string } {
  const document = fileDocument(text, format);
  const check = checkDocument(document, { strict: true });
  const fixes = check.errors.flatMap((located) => {
    const fix = fixOf({ ...located, at: { ...located.at, file: "f" } }, document.spans, () => text);
    return fix ? [fix] : [];
  });
  const lines = new LineIndex(text);
  let out = text;
  for (const fix of [...fixes].sort((a, b) => lines.offsetOf(b.range.start) - lines.offsetOf(a.range.start))) {
    out = out.slice(0, lines.offsetOf(fix.range.start)) + fix.newText + out.slice(lines.offsetOf(fix.range.end));
  }
  return { fixes, text: out };
}

describe.each<[ConfigFormat, string, string]>([
  [
    "toml",
    "[model.qaunt]\nenable = true # on\n\n[model.rho]\nprecision = 'FP32'\n\"stats_monitorng\" = true\n",
    "[model.quant]\nenable = true # on\n\n[model.rho]\nprecision = 'fp32'\n\"stats_monitoring\" = true\n",
  ],
  ["json", '{"model": {"qaunt": {"enable": true}, "rho": {"precision": "FP32", "stats_monitorng": true}}}\n', '{"model": {"quant": {"enable": true}, "rho": {"precision": "fp32", "stats_monitoring": true}}}\n'],
  ["toml", '[model.qaunt]\nenable = true\n[model.rho]\nprecision = "FP32" # kept\n"stats_monitorng" = true\n', '[model.quant]\nenable = true\n[model.rho]\nprecision = "fp32" # kept\n"stats_monitoring" = true\n'],
  ["toml", '[model.quant]\nact_format = " int8"\nweight_format = "int8 "\n', '[model.quant]\nact_format = "int8"\nweight_format = "int8"\n'],
  [
    "toml",
    "[model.quant]\ntarget_modules = [ \"Encoder\" ]\nsaved_activations.mode = 'Disabled'\nprotocol=\"BitNet_B158\"\n",
    "[model.quant]\ntarget_modules = [ \"encoder\" ]\nsaved_activations.mode = 'disabled'\nprotocol=\"bitnet_b158\"\n",
  ],
  ["yaml", "model:\n  quant:\n    protocol: 'BitNet_B158'  # the recipe\n    stict_bitnet_reference: true\n", "model:\n  quant:\n    protocol: 'bitnet_b158'  # the recipe\n    strict_bitnet_reference: true\n"],
])("%s", (format, text, expected) => {
  test("every fix is the name alone, inside its quotes, the rest of the text as it was", () => {
    const result = fixed(text, format);
    expect(result.fixes.length).toBeGreaterThan(1);
    expect(result.text).toBe(expected);
  });
});

test("no fix where no single name is meant, where it would rename a key onto one its table holds, or where the text at the place is not the name", () => {
  expect(fixed('{"model": {"qaunt": {"enable": true}, "quant": {"enable": false}}}', "json").fixes).toEqual([]);
  const text = '{"model": {"quant": {"protocol": "bitnet", "act_format": true}}}';
  expect(fixed(text, "json").fixes).toEqual([]);
  const document = fileDocument(text, "json");
  const [first] = checkDocument(document).errors;
  expect(fixOf({ ...first, issue: { ...first.issue, suggestion: "none" }, at: { ...first.at, file: "f" } }, document.spans, () => text.replace("bitnet", "bit-net!"))).toBeUndefined();
});
