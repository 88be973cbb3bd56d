import { validateDocument, validateQuant, validateRho, type Outcome } from "../../bench/handwritten";
import { promised, validators, verdictOf } from "../support/targets";
import { describeObjectVectors } from "../support/vector-suite";
import type { ObjectVector } from "../support/vectors";

/**
 * The benchmark's hand-written reference is only a fair speed limit if it does the same job:
 * Rust's verdict, stage and message on every vector, and the package's defaulted value.
 */
const handwritten: Record<ObjectVector["target"], (value: unknown) => Outcome<unknown>> = {
  quant: validateQuant,
  rho: validateRho,
  config: validateDocument,
};

describeObjectVectors("the hand-written reference on %s", (vector) => {
  const outcome = handwritten[vector.target](vector.value);
  expect(verdictOf(outcome)).toEqual(promised(vector.expect));
  const ours = validators[vector.target](vector.value);
  if (outcome.valid && ours.valid) expect(outcome.value).toStrictEqual(ours.value);
});
