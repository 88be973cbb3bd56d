import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { escapeControls } from "../../dist/report";
import { escapeData, escapeProperty } from "../../dist/cli/github-report";
import { cli, lines } from "../support/cli";
import { ciInputs } from "../support/ci-inputs";

/** GitHub's reading of an escaped value: each escape back to its character, in one pass. */
const UNESCAPED: Record<string, string> = { "%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": "," };
const unescape = (text: string) => text.replace(/%(25|0D|0A|3A|2C)/g, (escape) => UNESCAPED[escape]);

/** Strings made mostly of what the escapes are about, and of the characters their escapes are spelt with. */
const awkward = fc.string({ unit: fc.constantFrom("%", ":", ",", "\n", "\r", "2", "5", "0", "A", "C", "D", "3", "a", " ", "é", "\u{1F600}"), maxLength: 40 });

describe("GitHub's escapes", () => {
  test("a message reads back as it was, with no line break left in it", () => {
    fc.assert(
      fc.property(fc.oneof(awkward, fc.string()), (text) => {
        const escaped = escapeData(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });

  test("a property value reads back as it was, with no `:` or `,` left to end it", () => {
    fc.assert(
      fc.property(fc.oneof(awkward, fc.string()), (text) => {
        const escaped = escapeProperty(text);
        expect(escaped).not.toMatch(/[\r\n:,]/);
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });
});

interface Annotation {
  severity: string;
  properties: Record<string, string>;
  message: string;
}

const COMMAND = /^::(error|warning) ([^:]*)::(.*)$/;

function annotations(stdout: string): Annotation[] {
  return lines(stdout)
    .filter((line) => line.startsWith("::"))
    .map((line) => {
      const match = COMMAND.exec(line);
      if (!match) throw new Error(`not a workflow command: ${line}`);
      const properties = Object.fromEntries(match[2].split(",").map((property) => {
        const at = property.indexOf("=");
        return [property.slice(0, at), unescape(property.slice(at + 1))];
      }));
      return { severity: match[1], properties, message: unescape(match[3]) };
    });
}

interface JsonIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}
type JsonFile = { file: string; status: "valid" | "invalid"; errors: JsonIssue[]; warnings: JsonIssue[] } | { file: string; status: "unreadable"; problem: { file: string; line?: number; column?: number; message: string } };

/** The annotations the JSON report's issues call for: each issue once, with the configs that bring it in from a base. */
function expectedFromJson(files: JsonFile[]): string[] {
  const byKey = new Map<string, { issue: JsonIssue; severity: string; via: string[] }>();
  for (const config of files) {
    if (config.status === "unreadable") continue;
    for (const [severity, issues] of [["error", config.errors], ["warning", config.warnings]] as const) {
      for (const issue of issues) {
        const key = JSON.stringify([issue.file, issue.line, issue.column, severity, issue.path, issue.message]);
        const entry = byKey.get(key) ?? { issue, severity, via: [] };
        byKey.set(key, entry);
        // A file of a merged `--config` is one of the config's own, not a base it brings in.
        const own = config.file.split(" + ");
        if (!own.includes(issue.file) && !entry.via.includes(config.file)) entry.via.push(config.file);
      }
    }
  }
  const issues = [...byKey.values()].map(({ issue, severity, via }) =>
    JSON.stringify([severity, escapeControls(issue.file), String(issue.line), String(issue.column), escapeControls(issue.message) + (via.length > 0 ? ` (via ${via.map(escapeControls).join(", ")})` : "")]),
  );
  const problems = files.flatMap((config) =>
    config.status === "unreadable" ? [JSON.stringify(["error", escapeControls(config.problem.file), config.problem.line === undefined ? undefined : String(config.problem.line), config.problem.column === undefined ? undefined : String(config.problem.column), escapeControls(config.problem.message)])] : [],
  );
  return [...issues, ...problems].sort();
}

const { dir, runs } = ciInputs();

describe.each(runs)("--format github on $name", ({ args }) => {
  const github = cli(["validate", "--format", "github", ...args], dir);
  const json = cli(["validate", "--format", "json", ...args], dir);
  const shown = annotations(github.stdout);

  test("the exit status of the text report, and nothing on stderr", () => {
    expect(github.status).toBe(cli(["validate", ...args], dir).status);
    expect(github.stderr).toBe("");
  });

  test("one annotation per issue of the JSON report, each once, at its file, line and column, with its message", () => {
    const files = (JSON.parse(json.stdout) as { files: JsonFile[] }).files;
    const got = shown.map(({ severity, properties, message }) => JSON.stringify([severity, properties.file, properties.line, properties.col, message])).sort();
    expect(got).toEqual(expectedFromJson(files));
  });

  test("each stretch starts at the issue's key or value and ends within the file, after it starts", () => {
    for (const { properties } of shown) {
      if (properties.endLine === undefined) continue;
      const text = fs.readFileSync(path.join(dir, properties.file), "utf8").split("\n");
      const [line, col, endLine, endColumn] = [properties.line, properties.col, properties.endLine, properties.endColumn].map(Number);
      expect(endLine > line || (endLine === line && endColumn > col)).toBe(true);
      expect(endColumn).toBeLessThanOrEqual(text[endLine - 1].length + 1);
      expect(text[line - 1].length).toBeGreaterThanOrEqual(col - 1);
    }
  });

  test("no control character of a file reaches the log; the last line is the summary", () => {
    expect(github.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    const all = lines(github.stdout);
    expect(all.slice(0, -1).every((line) => line.startsWith("::"))).toBe(true);
    expect(all[all.length - 1]).toMatch(/^burn-dragon-schema: configs checked: \d+/);
  });

  test("the error each config's trainer reports is marked in the title, once per config", () => {
    const files = (JSON.parse(json.stdout) as { files: JsonFile[] }).files;
    const invalid = files.filter((config) => config.status === "invalid");
    const marked = shown.filter(({ properties }) => properties.title.includes("the error the trainer reports"));
    const firstOf = (config: JsonFile) => (config.status === "invalid" ? config.errors[0] : undefined)!;
    expect(marked.map(({ properties }) => [properties.file, properties.line, properties.col]).sort()).toEqual(
      [...new Set(invalid.map((config) => JSON.stringify([firstOf(config).file, String(firstOf(config).line), String(firstOf(config).column)])))].map((key) => JSON.parse(key)).sort(),
    );
  });
});

test("a base two configs extend: one annotation, naming both, marked the trainer's error of the one that stops there", () => {
  const shown = annotations(cli(["validate", "--format", "github", "config/run.toml", "config/sweep/a.toml"], dir).stdout);
  const inBase = shown.filter(({ properties }) => properties.file === "config/base.toml");
  expect(inBase).toHaveLength(1);
  expect(inBase[0].message).toMatch(/ \(via config\/run\.toml, config\/sweep\/a\.toml\)$/);
  expect(inBase[0].properties.title).toMatch(/the error the trainer reports for config\/sweep\/a\.toml$/);
});

test("a file name with `%`, `:` and `,` reads back whole", () => {
  const shown = annotations(cli(["validate", "--format", "github", "odd%,:name.toml"], dir).stdout);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every(({ properties }) => properties.file === "odd%,:name.toml")).toBe(true);
  expect(shown.some(({ message }) => message.includes("`\\u001b[2J, %0A:x`"))).toBe(true);
});
