import { validateConfigText } from "../../dist";
import { trainerRules } from "../../dist/types";
import { readVectors } from "./vectors";

/**
 * Configs for a chain `run.toml` → `base.toml`, from the vectors. `broken`: a vector Rust
 * rejects in `validate()`, with its message. `breaksDependent`: a base valid alone whose
 * change (`changed`, valid alone too) makes the run that extends it invalid with the trainer's
 * own rule, reported in the run's file: a vector that breaks the rule, its two settings split
 * between the base and the run.
 */
export function chainCases() {
  const vectors = readVectors("toml-text.jsonl");
  const valid = vectors.find((v) => v.expect.valid)!.text;
  const violation = vectors.find((v) => !v.expect.valid && v.expect.stage === "validate")!;
  const rule = trainerRules[0];
  const [carry, detach] = ["carry_across_tbptt = false", "detach_between_windows = false"];
  const trainerCase = vectors.find((v) => !v.expect.valid && "message" in v.expect && v.expect.message === rule.message && v.text.includes(`\n${carry}\n`) && v.text.includes(`\n${detach}\n`))!;
  const withoutBoth = trainerCase.text.replace(`${carry}\n`, "").replace(`${detach}\n`, "");
  const cases = {
    valid,
    broken: { text: violation.text, message: (violation.expect as { message: string }).message },
    breaksDependent: {
      base: withoutBoth,
      changed: withoutBoth.replace("[model.rho]\n", `[model.rho]\n${carry}\n`),
      run: `extends = "base.toml"\n\n[model.rho]\n${detach}\n`,
      message: rule.message,
    },
  };
  // The split holds only if each piece is what it is said to be.
  for (const text of [cases.valid, cases.breaksDependent.base, cases.breaksDependent.changed, cases.breaksDependent.run.replace(/^extends.*\n/, "")]) {
    if (!validateConfigText(text, "toml").valid) throw new Error(`chain case meant valid is not:\n${text}`);
  }
  if (validateConfigText(cases.broken.text, "toml").valid) throw new Error("chain case meant broken is valid");
  return cases;
}
