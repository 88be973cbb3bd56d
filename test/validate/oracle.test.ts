import { quantizationRules, rhoRules, trainerRules } from "../../src/types";
import { askOracle, ORACLE_TARGETS, oracleUnavailable, promisedByRust } from "../support/oracle";
import { generateCases } from "../support/random-config";
import { validators, verdictOf } from "../support/targets";

/**
 * Differential test: fresh random configs through the real Rust code and through the
 * package; every verdict, stage and `validate` message must agree. Whole documents are judged
 * as the trainer judges them (its own rule after `quant.validate()` and `rho.validate()`).
 */
const CASES = Number(process.env.ORACLE_CASES ?? 24000);
const SEED = Number(process.env.ORACLE_SEED ?? 20261126);
const skip = oracleUnavailable();

if (skip) {
  test.skip(`differential test against Rust (${skip})`, () => undefined);
} else {
  test(`${CASES} random configs agree with Rust (seed ${SEED}), with all errors and with the first alone`, () => {
    const cases = generateCases(SEED, CASES);
    const verdicts = askOracle(
      cases.map((c) => ({ target: ORACLE_TARGETS[c.target], value: JSON.parse(c.text) })),
    );
    const disagreements: string[] = [];
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
      }
    });
    console.log(
      `differential: ${cases.length} cases, ${cases.length - rejected} valid, ${rejected} rejected by Rust, ${disagreements.length} disagreements`,
    );
    expect(disagreements.slice(0, 10)).toEqual([]);
    const unreached = [...quantizationRules, ...rhoRules, ...trainerRules].map((r) => r.message).filter((m) => !messages.has(m));
    expect(unreached).toEqual([]);
    expect(rejected).toBeGreaterThan(cases.length / 5);
    expect(cases.length - rejected).toBeGreaterThan(cases.length / 5);
  });
}
