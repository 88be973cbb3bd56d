import { readVectors, type ObjectVector } from "./vectors";

/**
 * A suite per object vector file (`title` holds `%s` for its name): a test that the file holds
 * cases, then one test per vector, named by the vector's name, or its id and target. Apart
 * from vectors.ts, which the benchmark compiles without jest's globals.
 */
export function describeObjectVectors(title: string, check: (vector: ObjectVector) => void): void {
  describe.each(["objects.jsonl", "named.jsonl"] as const)(title, (file) => {
    const vectors = readVectors(file);

    test("the file holds cases", () => {
      expect(vectors.length).toBeGreaterThan(20);
    });

    test.each(vectors.map((v) => [v.name ?? `#${v.id} ${v.target}`, v] as const))("%s", (_name, vector) => check(vector));
  });
}
