import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { FIXTURES } from "../support/project";
import { askOracle, oracleUnavailable } from "../support/oracle";
import {
  AllowedDifferences,
  compareSerdeWords,
  compareSyntaxWords,
  isOracleSyntaxError,
  isOurSyntaxError,
  judgeTomlText,
  KNOWN_SYNTAX_WORDINGS,
  type KnownSyntaxWording,
  ourPromise,
  rustPromise,
  SYNTAX_FAMILIES,
  tomlSyntaxKind,
  trainerView,
} from "../support/known-differences";
import { fieldName } from "../../dist/validate/serde-words";
import { generateDocuments, Random } from "../support/random-config";
import { JSON_EDGES, TOML_EDGES } from "../support/edge-cases";
import { renderJson } from "../support/render/json";
import { renderToml } from "../support/render/toml";

/**
 * Differential test of whole config texts: fresh random documents written as TOML and as
 * JSON files (duplicate keys, dotted keys, inline tables, redefined tables, datetimes
 * included), hand-written edge cases, the toml-test list and its texts with a slip, through the
 * real serde/toml code and through `validateConfigText`: verdict, stage and `validate` message
 * must agree on every one, and where both refuse a TOML text's syntax, the class of the
 * package's error and the oracle's words for it.
 */
const CASES = Number(process.env.ORACLE_TEXT_CASES ?? 6000);
const SEED = Number(process.env.ORACLE_SEED ?? 20261126);
const skip = oracleUnavailable();

interface Tally {
  total: number;
  rejected: number;
  duplicates: number;
  /** Syntax errors both refuse, whose class agrees with the oracle's words, by family. */
  syntaxAgreed: Map<string, number>;
  /** Syntax errors both refuse, whose words the oracle README's known differences explain. */
  syntaxAllowed: number;
}

/**
 * The oracle's verdicts on TOML texts, and on the trainer's view of each text the package
 * reads (see `trainerView`); the package's on each; every disagreement judged against the
 * oracle README's known differences.
 */
function compare(format: "toml" | "json", texts: readonly string[]): Tally {
  const views = format === "toml" ? texts.map(trainerView) : [];
  const asked = [...texts, ...views.filter((view): view is string => view !== undefined)];
  const answers = askOracle(asked.map((value) => ({ target: `trainer-${format}` as const, value })));
  const viewVerdicts = new Map(asked.slice(texts.length).map((view, i) => [view, answers[texts.length + i]]));
  const allowed = new AllowedDifferences();
  const disagreements: string[] = [];
  const wordings: string[] = [];
  const allowedWords = new Map<string, number>();
  const unplaced: string[] = [];
  const syntaxAgreed = new Map<string, number>();
  const syntaxAllowed = new Map<KnownSyntaxWording, number>();
  const syntaxDiffers: string[] = [];
  let rejected = 0;
  let duplicates = 0;
  texts.forEach((text, i) => {
    const result = validateConfigText(text, format);
    const rust = answers[i];
    if (!rust.ok) rejected++;
    if (!rust.ok && /duplicate (field|key)|redefinition of table/i.test(rust.message)) duplicates++;
    const disagreement =
      format === "toml"
        ? judgeTomlText(text, rust, views[i] === undefined ? undefined : viewVerdicts.get(views[i]!), result, allowed)
        : rustPromise(rust) === ourPromise(result)
          ? null
          : `${JSON.stringify(text)}\n  rust: ${JSON.stringify(rust)}\n  ours: ${JSON.stringify(result)}`;
    if (disagreement !== null) disagreements.push(disagreement);
    else if (format === "toml" && !rust.ok && isOurSyntaxError(result) && isOracleSyntaxError(rust)) {
      // Both refuse the syntax: the package's class must agree with toml_edit's words for it.
      const kind = tomlSyntaxKind(text)!;
      const words = compareSyntaxWords(text, rust.message, kind);
      const count = <K>(tally: Map<K, number>, key: K) => tally.set(key, (tally.get(key) ?? 0) + 1);
      if (words === "differs") syntaxDiffers.push(`${JSON.stringify(text)}\n  rust: ${rust.message}\n  ours: ${kind}: ${result.valid ? "" : result.errors[0].message}`);
      else if (words === null) count(syntaxAgreed, SYNTAX_FAMILIES[kind][0]);
      else count(syntaxAllowed, words);
    } else if (!result.valid && !/^(failed|invalid JSON|invalid TOML)/.test(result.errors[0].message)) {
      // serde's words as the trainer meets the text: for TOML, as the oracle reads its view of it.
      const seen = format === "toml" && views[i] !== undefined ? viewVerdicts.get(views[i]!)! : rust;
      if (!seen.ok && seen.stage === "parse" && !isOracleSyntaxError(seen)) {
        const [first] = result.errors;
        const words = compareSerdeWords(seen.message, first, [fieldName(first.path), fieldName(first.path.replace(/\/[^/]*$/, ""))]);
        if (words === "differs") wordings.push(`${JSON.stringify(text)}\n  rust: ${seen.message}\n  ours: ${first.message}`);
        else if (words !== null) allowedWords.set(words, (allowedWords.get(words) ?? 0) + 1);
      }
    }
    if (!result.valid && result.errors.some((issue) => !(issue.line! >= 1 && issue.column! >= 1))) {
      unplaced.push(`${JSON.stringify(text)}: ${JSON.stringify(result.errors)}`);
    }
  });
  console.log(
    `${format}: ${texts.length} texts, ${texts.length - rejected} valid, ${rejected} rejected by the oracle (${duplicates} for duplicates), ${disagreements.length} disagreements; allowed: ${allowed.summary}`,
  );
  console.log(`${format}: ${wordings.length} differ in serde's words; allowed: ${JSON.stringify([...allowedWords])}`);
  if (format === "toml") {
    const allowedSyntax = [...syntaxAllowed].map(([reason, n]) => `${n} × README ${KNOWN_SYNTAX_WORDINGS[reason]}`);
    console.log(
      `${format}: syntax errors both refuse, by class: ${sum(syntaxAgreed)} agree with the oracle's words ${JSON.stringify(Object.fromEntries(syntaxAgreed))}, ${syntaxDiffers.length} differ; allowed: ${allowedSyntax.join("; ") || "none"}`,
    );
  }
  expect(disagreements.slice(0, 10)).toEqual([]);
  expect(wordings.slice(0, 10)).toEqual([]);
  expect(syntaxDiffers.slice(0, 10)).toEqual([]);
  expect(unplaced.slice(0, 10)).toEqual([]);
  return { total: texts.length, rejected, duplicates, syntaxAgreed, syntaxAllowed: sum(syntaxAllowed) };
}

function sum<K>(tally: Map<K, number>): number {
  return [...tally.values()].reduce((a, b) => a + b, 0);
}

/** The families toml_edit's words name, each of which a comparison by class should meet. */
const NAMED_FAMILIES = ["key-rule", "string", "number", "datetime", "header", "key", "line-end"];

/** The syntax errors of texts were compared by class in every family toml_edit's words name, and mostly agreed where `mostly`. */
function expectSyntaxCompared(tally: Tally, mostly: boolean): void {
  expect([...tally.syntaxAgreed.keys()]).toEqual(expect.arrayContaining(NAMED_FAMILIES));
  if (mostly) expect(sum(tally.syntaxAgreed)).toBeGreaterThan(tally.syntaxAllowed);
}

/** The random texts exercise both verdicts and the duplicate rules, not one corner. */
function expectSpread(tally: Tally): void {
  expect(tally.duplicates).toBeGreaterThan(tally.total / 50);
  expect(tally.rejected).toBeGreaterThan(tally.total / 5);
  expect(tally.total - tally.rejected).toBeGreaterThan(tally.total / 5);
}

/** The texts of the toml-test 1.1 list that are text: the ones that are not UTF-8 never reach a TOML reader. */
function tomlTestTexts(): string[] {
  const dir = path.join(FIXTURES, "toml-test");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return fs
    .readFileSync(path.join(dir, "LIST"), "utf8")
    .split("\n")
    .filter((line) => line.endsWith(".toml"))
    .flatMap((file) => {
      try {
        return [decoder.decode(fs.readFileSync(path.join(dir, file)))];
      } catch {
        return [];
      }
    });
}

/** Characters and pieces a slip of the keyboard puts into a TOML text. */
const SLIPS = ["=", '"', "'", "[", "]", "{", "}", ",", ".", "#", "\n", " ", "x", "1", "\\", "\t", "T", "-", ":", "+", "_", "0", "e", '"""', "'''", "[[", "]]", "a.b", "a = 1\n"];

/** Texts of the toml-test list that the package reads, each broken once: cut, a character deleted or put in, a line doubled. */
function slippedTexts(count: number, rng: Random): string[] {
  const read = tomlTestTexts().filter((text) => tomlSyntaxKind(text) === undefined);
  return Array.from({ length: count }, () => {
    const text = rng.pick(read);
    // By code points: a slip never splits a character.
    const chars = Array.from(text);
    const at = Math.floor(rng.next() * (chars.length + 1));
    switch (rng.pick(["cut", "delete", "insert", "double"] as const)) {
      case "cut":
        return chars.slice(0, at).join("");
      case "delete":
        return [...chars.slice(0, at), ...chars.slice(at + 1)].join("");
      case "insert":
        return [...chars.slice(0, at), rng.pick(SLIPS), ...chars.slice(at)].join("");
      case "double": {
        const lines = text.split("\n");
        lines.splice(Math.floor(rng.next() * lines.length), 0, rng.pick(lines));
        return lines.join("\n");
      }
    }
  });
}

const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

if (skip) {
  test.skip(`differential test of config texts against Rust (${skip})`, () => undefined);
} else {
  describe("config texts agree with Rust", () => {
    test(`${CASES} random TOML documents (seed ${SEED})`, () => {
      const rng = new Random(SEED + 1);
      // A TOML file is always a table: the documents that are not one have no TOML form.
      const documents = generateDocuments(SEED, CASES).map((json) => JSON.parse(json) as unknown);
      const texts = documents.filter(isTable).map((document) => renderToml(document, rng));
      expect(texts.length).toBeGreaterThanOrEqual(5000);
      expectSpread(compare("toml", texts));
    });

    test(`${CASES} random JSON documents (seed ${SEED})`, () => {
      const rng = new Random(SEED + 2);
      const texts = generateDocuments(SEED + 3, CASES).map((json) => renderJson(JSON.parse(json), rng));
      expect(texts.filter((text) => /\\u[dD][89a-fA-F]/.test(text)).length).toBeGreaterThan(CASES / 20);
      expectSpread(compare("json", texts));
    });

    test("hand-written TOML edge cases", () => void compare("toml", TOML_EDGES));
    test("the toml-test 1.1 list, valid and invalid, that is UTF-8", () => expectSyntaxCompared(compare("toml", tomlTestTexts()), true));
    test("hand-written JSON edge cases", () => void compare("json", JSON_EDGES));
    test(`${Math.floor(CASES / 2)} texts of the toml-test list, each with one slip (seed ${SEED})`, () => {
      const tally = compare("toml", slippedTexts(Math.floor(CASES / 2), new Random(SEED + 4)));
      expect(tally.rejected).toBeGreaterThan(CASES / 8);
      // Most slips break the structure, where toml_edit's words seldom name a construct.
      expectSyntaxCompared(tally, false);
    });
  });
}
