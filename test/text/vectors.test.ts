import { validateConfigText } from "../../dist";
import { promised, verdictOf } from "../support/targets";
import { readVectors } from "../support/vectors";

/** Every Rust text vector: same verdict, same stage, the exact `validate` message, and every issue placed. */
describe.each(["toml-text.jsonl", "json-text.jsonl"] as const)("%s", (file) => {
  const vectors = readVectors(file);

  test(`all ${vectors.length} vectors agree with Rust`, () => {
    expect(vectors.length).toBeGreaterThan(100);
    const wrong = vectors
      .map((vector) => ({ vector, result: validateConfigText(vector.text, vector.format) }))
      .filter(({ vector, result }) => JSON.stringify(verdictOf(result)) !== JSON.stringify(promised(vector.expect)))
      .map(({ vector, result }) => `#${vector.id}: expected ${JSON.stringify(vector.expect)}, got ${JSON.stringify(result)}`);
    expect(wrong).toEqual([]);
  });

  test("every issue carries the line and column of a place in the text", () => {
    const unplaced: string[] = [];
    for (const vector of vectors) {
      const result = validateConfigText(vector.text, vector.format);
      if (result.valid) continue;
      const lines = vector.text.split("\n");
      for (const issue of result.errors) {
        const line = lines[(issue.line ?? 0) - 1];
        if (line === undefined || !(issue.column! >= 1 && issue.column! <= line.length + 1)) {
          unplaced.push(`#${vector.id} ${JSON.stringify(issue)}`);
        }
      }
    }
    expect(unplaced).toEqual([]);
  });
});
