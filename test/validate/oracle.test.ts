import { quantizationRules, rhoRules, trainerRules } from "../../src/types";
import { askOracle, ORACLE_TARGETS, oracleUnavailable, promisedByRust } from "../support/oracle";
import { generateCases } from "../support/random-config";
import { validators, verdictOf } from "../support/targets";
import { compareSerdeWords } from "../support/known-differences";
import { fieldName } from "../../dist/validate/serde-words";

/**
 * Differential test: fresh random configs through the real Rust code and through the
 * package; every verdict, stage and `validate` message must agree. Whole documents are judged
 * as the trainer judges them (its own rule after `quant.validate()` and `rho.validate()`).
 */
const CASES = Number(process.env.ORACLE_CASES ?? 24000);
const SEED = Number(process.env.ORACLE_SEED ?? 20261126);
const skip = oracleUnavailable();

/** Where each target's root stands in a document, which names its fields. */
const ROOTS: Record<string, string> = { quant: "/model/quant", rho: "/model/rho", config: "" };

/** The shape issue serde meets first when a table's keys come sorted: depth first, keys in order, list items by index. */
function firstInSortedOrder(issues: readonly { stage: string; path: string; message: string }[]) {
  const rank = (path: string) => path.split("/").slice(1).map((token) => (/^\d+$/.test(token) ? token.padStart(12, "0") : token));
  const shape = issues.filter((issue) => issue.stage === "deserialize");
  return shape.sort((a, b) => {
    const [x, y] = [rank(a.path), rank(b.path)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  })[0];
}

if (skip) {
  test.skip(`differential test against Rust (${skip})`, () => undefined);
} else {
  test(`${CASES} random configs agree with Rust (seed ${SEED}), with all errors and with the first alone`, () => {
    const cases = generateCases(SEED, CASES);
    const verdicts = askOracle(
      cases.map((c) => ({ target: ORACLE_TARGETS[c.target], value: JSON.parse(c.text) })),
    );
    const disagreements: string[] = [];
    const wordings: string[] = [];
    const messages = new Set<string>();
    let rejected = 0;
    cases.forEach((c, i) => {
      const rust = verdicts[i];
      const ours = verdictOf(validators[c.target](JSON.parse(c.text)));
      const alone = verdictOf(validators[c.target](JSON.parse(c.text), { allErrors: false }));
      const expected = promisedByRust(rust);
      if (!rust.ok) rejected++;
      if (!rust.ok && rust.stage === "validate") messages.add(rust.message);
      if (JSON.stringify(ours) !== JSON.stringify(expected) || JSON.stringify(alone) !== JSON.stringify(expected)) {
        disagreements.push(`${c.target} ${c.text}\n  rust: ${JSON.stringify(rust)}\n  ours: ${JSON.stringify(ours)} / alone: ${JSON.stringify(alone)}`);
      } else if (!rust.ok && rust.stage === "parse") {
        // The oracle writes the object out with its keys sorted: serde meets the fields in that order.
        const result = validators[c.target](JSON.parse(c.text));
        const first = result.valid ? undefined : firstInSortedOrder(result.errors);
        const root = ROOTS[c.target];
        const words = first && compareSerdeWords(rust.message, first, [fieldName(root + first.path), fieldName(root + first.path.replace(/\/[^/]*$/, ""))]);
        if (words === "differs") wordings.push(`${c.target} ${c.text}\n  rust: ${rust.message}\n  ours: ${first!.message}`);
      }
    });
    console.log(
      `differential: ${cases.length} cases, ${cases.length - rejected} valid, ${rejected} rejected by Rust, ${disagreements.length} disagreements`,
    );
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(wordings.slice(0, 10)).toEqual([]);
    const unreached = [...quantizationRules, ...rhoRules, ...trainerRules].map((r) => r.message).filter((m) => !messages.has(m));
    expect(unreached).toEqual([]);
    expect(rejected).toBeGreaterThan(cases.length / 5);
    expect(cases.length - rejected).toBeGreaterThan(cases.length / 5);
  });
}
