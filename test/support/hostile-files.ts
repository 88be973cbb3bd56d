/**
 * Hostile config files, each under the size limit, as an attacker would write them (a
 * config in a pull request, an upload to a service that checks them). Each row is run
 * through the command line as a child process with a bounded heap (test/hostile/files.test.ts)
 * and timed by `npm run bench`: adding a case is adding a row.
 */
export interface HostileFile {
  name: string;
  /** The file's name: its extension says the syntax. */
  file: string;
  text: () => string;
  /** The exit status it earns. */
  status: 0 | 1 | 2;
  /** What stdout and stderr together must show. */
  output: RegExp;
  /** Files written beside it (the bases it extends): name → text. */
  beside?: Record<string, () => string>;
}

const row = (
  name: string,
  file: string,
  text: () => string,
  status: HostileFile["status"],
  output: RegExp,
  beside?: HostileFile["beside"],
): HostileFile => ({ name, file, text, status, output, beside });

/** `count` one-digit numbers, comma-separated. */
const numbers = (count: number) => Array.from({ length: count }, (_, i) => i % 10).join(", ");
/** `count` copies of `item`, comma-separated. */
const copies = (item: string, count: number) => Array(count).fill(item).join(", ");
/** Anchors that each hold two aliases of the one before: `levels` doublings ("billion laughs"). */
const laughs = (levels: number) =>
  ["a0: &a0 [x, x]", ...Array.from({ length: levels - 1 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`)].join("\n") + "\n";
/** `levels` lists nested in an ignored key. */
const nestedJson = (levels: number) => `{"a": ${"[".repeat(levels)}${"]".repeat(levels)}}`;
const nestedYaml = (levels: number) => `a: ${"[".repeat(levels)}${"]".repeat(levels)}\n`;

/** A valid TOML file of about `kilobytes` KB: one short key per line. */
const manyKeys = (kilobytes: number) => {
  const lines: string[] = [];
  for (let size = 0, i = 0; size < kilobytes * 1024; i++) size += lines[lines.push(`k${i} = ${i}`) - 1].length + 1;
  return `${lines.join("\n")}\n`;
};
const dottedParts = (count: number) => Array(count).fill("a").join(".");

const VALID = /^1 file checked: 1 valid/m;
const TOML_LIMIT = /^\S+\.toml:\d+:\d+: error: invalid TOML: (recursion limit|cannot recurse further; max recursion depth met)$/m;
const EXPANDS = /^\S+\.yaml:\d+:\d+: error: cannot check: the YAML expands to more than \d+ values \(aliases\)$/m;
const NESTED = /^\S+:1:\d+: error: cannot check: it is nested more than \d+ levels deep$/m;

export const HOSTILE_FILES: readonly HostileFile[] = [
  row("YAML: 30,000 numbers, then 10,000 aliases of a scalar", "aliases.yaml", () => `l: [${numbers(30_000)}]\nv: &a 1\nr: [${copies("*a", 10_000)}]\n`, 0, VALID),
  row("YAML: 10,000 numbers, then 50,000 aliases of a scalar", "more-aliases.yaml", () => `l: [${numbers(10_000)}]\nv: &a 1\nr: [${copies("*a", 50_000)}]\n`, 0, VALID),
  row("YAML: 20,000 aliases of a table, one per line", "table-aliases.yaml", () => `t: &t {a: 1, b: [1, 2]}\nr:\n${"  - *t\n".repeat(20_000)}`, 0, VALID),
  row("YAML: an alias bomb of 100 levels", "laughs.yaml", () => laughs(100), 2, EXPANDS),
  row("YAML: 60,000 numbers, then an alias bomb of 20 levels", "list-laughs.yaml", () => `l: [${numbers(60_000)}]\n${laughs(20)}`, 2, EXPANDS),
  row("YAML: a 15-level alias bomb, within the bound", "small-laughs.yaml", () => laughs(15), 0, VALID),
  row("JSON: 1,594 levels in an ignored value", "deep.json", () => nestedJson(1_594), 2, NESTED),
  row("JSON: 120,000 levels in an ignored value", "deeper.json", () => nestedJson(120_000), 2, NESTED),
  row("YAML: 844 levels in an ignored value", "deep.yaml", () => nestedYaml(844), 2, NESTED),
  row("YAML: 120,000 levels in an ignored value", "deeper.yaml", () => nestedYaml(120_000), 2, NESTED),
  row("JSON: a lone surrogate as a key of model.quant", "surrogate.json", () => '{"model":{"quant":{"\\ud800":1}}}', 1, /^surrogate\.json:1:20: error: model\.quant: unexpected end of hex escape \(the key "\\u\{d800\}" holds a lone surrogate, which is not Unicode\)/m),
  row("TOML: a table header of 100,000 dotted parts", "header.toml", () => `[${dottedParts(100_000)}]\n`, 1, TOML_LIMIT),
  row("TOML: a key of 100,000 dotted parts in [model.quant]", "dotted.toml", () => `[model.quant]\n${dottedParts(100_000)} = 1\n`, 1, TOML_LIMIT),
  row("TOML: 43,000 arrays of tables", "tables.toml", () => "[[a]]\n".repeat(43_000), 0, VALID),
  row("TOML: 120,000 nested arrays", "nested.toml", () => `a = ${"[".repeat(120_000)}${"]".repeat(120_000)}\n`, 1, TOML_LIMIT),
  row("extends: a 214 KB base named 1,600 times", "repeats.toml", () => `extends = [${copies('"base.toml"', 1_600)}]\n`, 0, VALID, {
    "base.toml": () => manyKeys(214),
  }),
  row(
    "extends: two 200 KB bases named in turn 800 times",
    "alternates.toml",
    () => `extends = [${copies('"one.toml", "two.toml"', 800)}]\n`,
    2,
    /^alternates\.toml:1:\d+: error: the merged config is too large to check/m,
    { "one.toml": () => manyKeys(200), "two.toml": () => manyKeys(200).replace(/^k/gm, "j") },
  ),
  row("TOML: an escape sequence as an unknown key of model.quant", "escape.toml", () => '[model.quant]\n"\\u001b[2J\\u001b[31mevil" = 1\n', 0, /warning: model\.quant: unknown field `\\u001b\[2J\\u001b\[31mevil`/),
  row("JSON: an escape sequence as a value of model.quant", "escape.json", () => '{"model":{"quant":{"protocol":"\\u001b[2J"}}}', 1, /unknown variant `\\u001b\[2J`/),
];
