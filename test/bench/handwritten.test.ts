import { validateDocument, validateQuant, validateRho, type Outcome } from "../../bench/handwritten";
import { promised, validators, verdictOf } from "../support/targets";
import { readVectors, type ObjectVector } from "../support/vectors";

/**
 * The benchmark's hand-written reference is only a fair speed limit if it does the same job:
 * Rust's verdict, stage and message on every vector, and the package's defaulted value.
 */
const handwritten: Record<ObjectVector["target"], (value: unknown) => Outcome<unknown>> = {
  quant: validateQuant,
  rho: validateRho,
  config: validateDocument,
};

describe.each(["objects.jsonl", "named.jsonl"] as const)("the hand-written reference on %s", (file) => {
  const vectors = readVectors(file);

  test("the file holds cases", () => {
    expect(vectors.length).toBeGreaterThan(20);
  });

  test.each(vectors.map((v) => [v.name ?? `#${v.id} ${v.target}`, v] as const))("%s", (_name, vector) => {
    const outcome = handwritten[vector.target](vector.value);
    expect(verdictOf(outcome)).toEqual(promised(vector.expect));
    const ours = validators[vector.target](vector.value);
    if (outcome.valid && ours.valid) expect(outcome.value).toStrictEqual(ours.value);
  });
});
