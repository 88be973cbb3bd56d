import { codeFrame } from "../../dist/report";

/** The line an issue stands on and a caret under what it is about. */
test("a caret under the stretch, on the line", () => {
  const text = '[model.quant]\nprotocol = "BitNet_B158"\n';
  const at = { line: 2, column: 12 };
  expect(codeFrame(text, at, { start: at, end: { line: 2, column: 25 } })).toEqual(['2 | protocol = "BitNet_B158"', "  |            ^^^^^^^^^^^^^"]);
  expect(codeFrame(text, { line: 1, column: 1 })).toEqual(["1 | [model.quant]", "  | ^"]);
});

test("tabs stay under tabs, a stretch that runs on ends at the line's end, a place past the text has no frame", () => {
  const text = "\tenable = [\n  1,\n]\n";
  const at = { line: 1, column: 11 };
  expect(codeFrame(text, at, { start: at, end: { line: 3, column: 2 } })).toEqual(["1 | \tenable = [", "  | \t         ^"]);
  expect(codeFrame(text, { line: 9, column: 1 })).toEqual([]);
  expect(codeFrame("x\n".repeat(12), { line: 10, column: 1 })).toEqual(["10 | x", "   | ^"]);
});
