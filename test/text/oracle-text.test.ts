import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { FIXTURES } from "../support/project";
import { askOracle, oracleUnavailable } from "../support/oracle";
import { AllowedDifferences, compareSerdeWords, isOracleSyntaxError, judgeTomlText, ourPromise, rustPromise, trainerView } from "../support/known-differences";
import { fieldName } from "../../dist/validate/serde-words";
import { generateDocuments, Random } from "../support/random-config";
import { JSON_EDGES, TOML_EDGES } from "../support/edge-cases";
import { renderJson } from "../support/render/json";
import { renderToml } from "../support/render/toml";

/**
 * Differential test of whole config texts: fresh random documents written as TOML and as
 * JSON files (duplicate keys, dotted keys, inline tables, redefined tables, datetimes
 * included), and hand-written edge cases, through the real serde/toml code and through
 * `validateConfigText`: verdict, stage and `validate` message must agree on every one.
 */
const CASES = Number(process.env.ORACLE_TEXT_CASES ?? 6000);
const SEED = Number(process.env.ORACLE_SEED ?? 20261126);
const skip = oracleUnavailable();

interface Tally {
  total: number;
  rejected: number;
  duplicates: number;
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
    else if (!rust.ok && rust.stage === "parse" && !result.valid && !isOracleSyntaxError(rust) && !/^(failed|invalid JSON|invalid TOML)/.test(result.errors[0].message)) {
      const [first] = result.errors;
      const words = compareSerdeWords(rust.message, first, [fieldName(first.path), fieldName(first.path.replace(/\/[^/]*$/, ""))]);
      if (words === "differs") wordings.push(`${JSON.stringify(text)}\n  rust: ${rust.message}\n  ours: ${first.message}`);
      else if (words !== null) allowedWords.set(words, (allowedWords.get(words) ?? 0) + 1);
    }
    if (!result.valid && result.errors.some((issue) => !(issue.line! >= 1 && issue.column! >= 1))) {
      unplaced.push(`${JSON.stringify(text)}: ${JSON.stringify(result.errors)}`);
    }
  });
  console.log(
    `${format}: ${texts.length} texts, ${texts.length - rejected} valid, ${rejected} rejected by the oracle (${duplicates} for duplicates), ${disagreements.length} disagreements; allowed: ${allowed.summary}`,
  );
  console.log(`${format}: ${wordings.length} differ in serde's words; allowed: ${JSON.stringify([...allowedWords])}`);
  expect(disagreements.slice(0, 10)).toEqual([]);
  expect(wordings.slice(0, 10)).toEqual([]);
  expect(unplaced.slice(0, 10)).toEqual([]);
  return { total: texts.length, rejected, duplicates };
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
    test("the toml-test 1.1 list, valid and invalid, that is UTF-8", () => void compare("toml", tomlTestTexts()));
    test("hand-written JSON edge cases", () => void compare("json", JSON_EDGES));
  });
}
