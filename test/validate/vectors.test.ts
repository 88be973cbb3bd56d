import { promised, validators, verdictOf } from "../support/targets";
import { describeObjectVectors } from "../support/vector-suite";

describeObjectVectors("Rust verdicts in %s", (vector) => {
  const result = validators[vector.target](vector.value);
  expect(verdictOf(result)).toEqual(promised(vector.expect));
});
