import { validateConfigText } from "../../dist";
import { askOracle, oracleUnavailable, promisedByRust } from "../support/oracle";
import { generateDocuments, Random } from "../support/random-config";
import { JSON_EDGES, TOML_EDGES } from "../support/edge-cases";
import { renderJson } from "../support/render/json";
import { renderToml } from "../support/render/toml";
import { verdictOf } from "../support/targets";

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

function compare(format: "toml" | "json", texts: readonly string[]): Tally {
  const verdicts = askOracle(texts.map((value) => ({ target: `trainer-${format}` as const, value })));
  const disagreements: string[] = [];
  const unplaced: string[] = [];
  let rejected = 0;
  let duplicates = 0;
  texts.forEach((text, i) => {
    const result = validateConfigText(text, format);
    const rust = verdicts[i];
    if (!rust.ok) rejected++;
    if (!rust.ok && /duplicate (field|key)|redefinition of table/.test(rust.message)) duplicates++;
    if (JSON.stringify(verdictOf(result)) !== JSON.stringify(promisedByRust(rust))) {
      disagreements.push(`${JSON.stringify(text)}\n  rust: ${JSON.stringify(rust)}\n  ours: ${JSON.stringify(result)}`);
    }
    if (!result.valid && result.errors.some((issue) => !(issue.line! >= 1 && issue.column! >= 1))) {
      unplaced.push(`${JSON.stringify(text)}: ${JSON.stringify(result.errors)}`);
    }
  });
  console.log(
    `${format}: ${texts.length} texts, ${texts.length - rejected} valid, ${rejected} rejected by Rust (${duplicates} for duplicates), ${disagreements.length} disagreements`,
  );
  expect(disagreements.slice(0, 10)).toEqual([]);
  expect(unplaced.slice(0, 10)).toEqual([]);
  return { total: texts.length, rejected, duplicates };
}

/** The random texts exercise both verdicts and the duplicate rules, not one corner. */
function expectSpread(tally: Tally): void {
  expect(tally.duplicates).toBeGreaterThan(tally.total / 50);
  expect(tally.rejected).toBeGreaterThan(tally.total / 5);
  expect(tally.total - tally.rejected).toBeGreaterThan(tally.total / 5);
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
    test("hand-written JSON edge cases", () => void compare("json", JSON_EDGES));
  });
}
