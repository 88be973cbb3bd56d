import { promised, validators, verdictOf } from "../support/targets";
import { readVectors } from "../support/vectors";

describe.each(["objects.jsonl", "named.jsonl"] as const)("Rust verdicts in %s", (file) => {
  const vectors = readVectors(file);

  test("the file holds cases", () => {
    expect(vectors.length).toBeGreaterThan(20);
  });

  test.each(vectors.map((v) => [v.name ?? `#${v.id} ${v.target}`, v] as const))("%s", (_name, vector) => {
    const result = validators[vector.target](vector.value);
    expect(verdictOf(result)).toEqual(promised(vector.expect));
  });
});
