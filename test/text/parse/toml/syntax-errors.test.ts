import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../../../dist";
import { parseToml } from "../../../../dist/text/parse/toml";
import { TOML_SYNTAX_KINDS } from "../../../../dist/text/parse/toml/syntax-kinds";
import { ConfigSyntaxError } from "../../../../dist/text/parse/syntax-error";
import { FIXTURES, PROJECT } from "../../../support/project";

/**
 * The words and places of TOML syntax errors: what a user needs to find and fix each class of
 * error, where toml 0.9 (the trainer's reader) reports it. The exact messages here are the
 * package's contract for these classes.
 */
function refusal(text: string): { kind: string | undefined; message: string; line: number; column: number } {
  const result = validateConfigText(text, "toml");
  if (result.valid) throw new Error(`read: ${JSON.stringify(text)}`);
  const [first] = result.errors;
  let kind: string | undefined;
  try {
    parseToml(text);
  } catch (error) {
    if (error instanceof ConfigSyntaxError) kind = error.kind;
  }
  return { kind, message: first.message, line: first.line!, column: first.column! };
}

describe("TOML syntax errors name what is wrong, where toml 0.9 points", () => {
  test.each([
    [
      "a key set twice names the key, its table and where it was first set, at the second",
      "[model.quant]\nenable = true\nenable = false\n",
      "duplicate-key",
      "invalid TOML: duplicate key `enable` in table `model.quant` (first set at line 2, column 1)",
      3,
      1,
    ],
    ["in the top-level table", "a = 1\na = 2\n", "duplicate-key", "invalid TOML: duplicate key `a` in the top-level table (first set at line 1, column 1)", 2, 1],
    [
      "in an inline table",
      "a = { b = 1, b = 2 }\n",
      "duplicate-key",
      "invalid TOML: duplicate key `b` in table `a` (first set at line 1, column 7)",
      1,
      14,
    ],
    [
      "a quoted key as TOML writes it",
      '[model]\n"a b" = 1\n\'a b\' = 2\n',
      "duplicate-key",
      'invalid TOML: duplicate key `"a b"` in table `model` (first set at line 2, column 1)',
      3,
      1,
    ],
    [
      "a table defined twice names it and where it was first defined, at the second header",
      "[model.quant]\nenable = true\n[model.quant]\n",
      "table-defined-twice",
      "invalid TOML: table `model.quant` defined twice: first by its header at line 1, column 8, again by this header",
      3,
      8,
    ],
    [
      "by dotted keys, then by a header",
      "[fruit]\napple.color = 'red'\n[fruit.apple]\n",
      "table-defined-twice",
      "invalid TOML: table `fruit.apple` defined twice: first by dotted keys at line 2, column 1, again by this header",
      3,
      8,
    ],
    [
      "a bad boolean names the literal as written and the expected token",
      "[model.quant]\nenable = True\n",
      "invalid-boolean",
      "invalid TOML: invalid boolean `True`, expected `true`",
      2,
      10,
    ],
    [
      "a bad number",
      "[model.rho]\nwindow = 01\n",
      "invalid-number",
      "invalid TOML: invalid number `01`: unexpected leading zero",
      2,
      10,
    ],
    ["a bad float", "x = 1.\n", "invalid-float", "invalid TOML: invalid float `1.`: invalid fraction, expected digits after the decimal point", 1, 7],
    [
      "a bare word for a string",
      "[model.quant]\nprotocol = bitnet\n",
      "unquoted-string",
      "invalid TOML: unquoted string `bitnet`: string values must be quoted, expected a literal string ('…') or a basic string (\"…\")",
      2,
      12,
    ],
    [
      "a bad escape",
      'a = "\\z"\n',
      "invalid-escape",
      "invalid TOML: invalid escape `\\z` in a basic string, expected `b`, `e`, `f`, `n`, `r`, `t`, `\\`, `\"`, `x`, `u` or `U`",
      1,
      7,
    ],
    [
      "a date out of range names the rule it breaks",
      "d = 2023-02-30\n",
      "invalid-date",
      "invalid TOML: invalid date `2023-02-30`, expected day between 01 and 28",
      1,
      5,
    ],
    [
      "an unterminated string names where it was opened, at the end of its line",
      'protocol = "bitnet\nenable = true\n',
      "unterminated-string",
      'invalid TOML: unterminated basic string opened at line 1, column 12, expected `"`',
      1,
      19,
    ],
    [
      "an unterminated multi-line string, at the end of the text",
      'a = """text\n\nb = 1\n',
      "unterminated-string",
      'invalid TOML: unterminated multi-line basic string opened at line 1, column 5, expected `"""`',
      4,
      1,
    ],
    [
      "an unclosed table header names the header as written, just after it",
      "[model.quant\nenable = true\n",
      "unclosed-header",
      "invalid TOML: unclosed table header `[model.quant`, expected `]`",
      1,
      13,
    ],
    ["an unclosed array of tables header", "[[runs\n", "unclosed-header", "invalid TOML: unclosed array-of-tables header `[[runs`, expected `]]`", 1, 7],
    [
      "a key without `=` names the key, at what follows it",
      "[model.quant]\nenable true\n",
      "missing-equals",
      "invalid TOML: key `enable` with no value, expected `=` after it",
      2,
      8,
    ],
    [
      "in an inline table",
      "quant = { enable true }\n",
      "missing-equals",
      "invalid TOML: key `enable` in the inline table opened at line 1, column 9 with no value, expected `=` after it",
      1,
      18,
    ],
    [
      "an unclosed array names where it was opened",
      "target_modules = [\"decoder_x\",\n",
      "unclosed-array",
      "invalid TOML: unclosed array opened at line 1, column 18, expected `]`",
      1,
      31,
    ],
  ])("%s", (_, text, kind, message, line, column) => {
    expect(refusal(text)).toEqual({ kind, message, line, column });
  });

  test("of several errors, the first toml 0.9 reports: the structure's before any value's", () => {
    // The bad boolean stands first, but toml 0.9 reads the whole structure before it decodes a value.
    expect(refusal("a = True\n[b\n")).toMatchObject({ kind: "unclosed-header", line: 2, column: 3 });
    // A key set twice before the first bad value is reported first, as toml 0.9 meets it first.
    expect(refusal("a = 1\na = 2\nb = True\n")).toMatchObject({ kind: "duplicate-key", line: 2, column: 1 });
    expect(refusal("a = True\na = 1\na = 2\n")).toMatchObject({ kind: "invalid-boolean", line: 1, column: 5 });
    // An integer that overflows is met only once the tables are built.
    expect(refusal("x = 99999999999999999999\nx = 1\n")).toMatchObject({ kind: "duplicate-key", line: 2, column: 1 });
  });
});

/** Every prefix of a real config, as an editor sees it while the file is typed. */
function realConfigs(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith(".toml")) found.push({ file: path.relative(PROJECT, file), text: fs.readFileSync(file, "utf8") });
    }
  };
  walk(path.join(FIXTURES, "upstream"));
  walk(path.join(PROJECT, "examples"));
  return found;
}

test("a config cut at every offset is read or refused with a classed error inside the text", () => {
  const configs = realConfigs();
  expect(configs.length).toBeGreaterThan(5);
  const wrong: string[] = [];
  const kinds = new Map<string, number>();
  for (const { file, text } of configs) {
    for (let end = 0; end <= text.length; end++) {
      const cut = text.slice(0, end);
      try {
        parseToml(cut);
      } catch (error) {
        const lines = cut.split("\n");
        const inside =
          error instanceof ConfigSyntaxError &&
          error.at.line >= 1 &&
          error.at.line <= lines.length &&
          error.at.column >= 1 &&
          error.at.column <= lines[error.at.line - 1].length + 1;
        const classed = error instanceof ConfigSyntaxError && error.kind !== undefined && error.kind in TOML_SYNTAX_KINDS && error.kind !== "unclassified";
        if (!inside || !classed) wrong.push(`${file} cut at ${end}: ${String(error)} ${JSON.stringify((error as ConfigSyntaxError).at)}`);
        else kinds.set(error.kind!, (kinds.get(error.kind!) ?? 0) + 1);
      }
    }
  }
  console.log(`cut configs refused, by class: ${JSON.stringify(Object.fromEntries(kinds))}`);
  expect(wrong.slice(0, 10)).toEqual([]);
  expect(kinds.size).toBeGreaterThan(5);
});
