import { validateConfigText, type ConfigFormat } from "../../dist";
import { MAX_NESTING_DEPTH } from "../../dist/text/parse/nesting-limit";
import { MAX_YAML_VALUES } from "../../dist/text/parse/yaml";

/**
 * The bounds every text is read within: one nesting depth for every syntax, checked before
 * any walk recurses; YAML aliases counted as they expand; and work that grows with the size
 * of the text, not with its square.
 */
const deepMessage = () => `the text cannot be checked: it is nested more than ${MAX_NESTING_DEPTH} levels deep`;

/**
 * `levels` lists or tables nested in an ignored key, each form written the way its syntax
 * allows, and `many`: about as many levels as that form fits under the size limit.
 */
const nested: Record<string, { format: ConfigFormat; many: number; text: (levels: number) => string }> = {
  "JSON lists": { format: "json", many: 100_000, text: (n) => `{"a": ${"[".repeat(n - 1)}${"]".repeat(n - 1)}}` },
  "JSON tables": { format: "json", many: 35_000, text: (n) => `${'{"a": '.repeat(n)}1${"}".repeat(n)}` },
  "YAML flow lists": { format: "yaml", many: 100_000, text: (n) => `a: ${"[".repeat(n - 1)}${"]".repeat(n - 1)}\n` },
  "YAML block tables": {
    format: "yaml",
   
    many: 600,
    text: (n) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:${i === n - 1 ? " 1" : ""}\n`).join(""),
  },
  "YAML aliases of deep lists": {
    format: "yaml",
   
    many: MAX_NESTING_DEPTH + 200,
    // The anchored list and the lists around its alias each nest within the limit: only the
    // expanded document nests `n` levels (the document itself being the first).
    text: (n) => {
      const anchored = Math.min(n - 2, MAX_NESTING_DEPTH - 1);
      const around = n - 1 - anchored;
      return `x: &x ${"[".repeat(anchored)}${"]".repeat(anchored)}\ny: ${"[".repeat(around)}*x${"]".repeat(around)}\n`;
    },
  },
};

describe.each(Object.entries(nested))("%s", (_, { format, many, text }) => {
  test(`${MAX_NESTING_DEPTH} levels are read`, () => {
    expect(validateConfigText(text(MAX_NESTING_DEPTH), format)).toMatchObject({ valid: true });
  });

  test(`${MAX_NESTING_DEPTH + 1} levels, or many more, are one issue with its place`, () => {
    for (const levels of [MAX_NESTING_DEPTH + 1, many]) {
      const result = validateConfigText(text(levels), format);
      expect(result).toMatchObject({ valid: false, errors: [{ stage: "deserialize", path: "", message: deepMessage() }] });
      if (!result.valid) expect(result.errors).toHaveLength(1);
    }
  });
});

test("the depth is the same with little stack left", () => {
  const within = nested["JSON lists"].text(MAX_NESTING_DEPTH);
  const beyond = nested["YAML flow lists"].text(100_000);
  const verdicts = (depth: number): unknown[] =>
    depth > 0 ? verdicts(depth - 1) : [validateConfigText(within, "json").valid, validateConfigText(beyond, "yaml")];
  const shallow = verdicts(0);
  for (const depth of [1000, 3000]) expect(verdicts(depth)).toEqual(shallow);
});

describe("YAML aliases", () => {
  /** A list of `size` scalars anchored as `a`, then `copies` aliases of it: 1 + (size + 1) × (copies + 1) + 1 values. */
  const copies = (size: number, count: number) => `a: &a [${Array(size).fill(1).join(", ")}]\nb: [${Array(count).fill("*a").join(", ")}]\n`;
  const countFor = (size: number) => Math.floor((MAX_YAML_VALUES - 2 - (size + 1)) / (size + 1));

  test(`expand to at most ${MAX_YAML_VALUES} values; one more is refused before it is built`, () => {
    const count = countFor(999);
    const result = validateConfigText(copies(999, count), "yaml");
    expect(result.valid).toBe(true);
    if (result.valid) expect(result.value).toHaveProperty("b.length", count);
    expect(validateConfigText(copies(999, count + 1), "yaml")).toMatchObject({
      valid: false,
      errors: [{ message: `the text cannot be checked: the YAML expands to more than ${MAX_YAML_VALUES} values (aliases)`, line: 2 }],
    });
  });

  test("a hundred levels of doubling are refused where the count passes the bound", () => {
    const lines = ["a0: &a0 [x, x]"];
    for (let i = 1; i < 100; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    // The document, then each line: its list, and twice what the line before expands to.
    let total = 1 + 3;
    let line = 1;
    for (let expands = 3; total <= MAX_YAML_VALUES; line++) {
      total += 1 + 2 * expands;
      expands = 1 + 2 * expands;
    }
    const result = validateConfigText(lines.join("\n"), "yaml");
    expect(result).toMatchObject({ valid: false, errors: [{ line }] });
  });

  test("an alias takes the latest anchor of its name before it", () => {
    const result = validateConfigText("a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: &y [&x 3]\nf: *x\n", "yaml");
    expect(result).toMatchObject({ valid: true, value: { b: 1, d: 2, f: 3 } });
  });
});

/**
 * Work grows with the text: the same shape at two sizes, sixteen times apart, run in this
 * process; the CPU time of the larger stays far below the 256-fold a quadratic reading takes
 * (a quarter of it, which leaves room for a loaded machine). CPU time, the least of five runs, is what the process itself spent, after both
 * sizes have run a few times: V8's first runs of the code compile and tier it up, work that
 * does not grow with the text and that counts here (its compiler threads are this process's).
 */
describe("reading time grows linearly with the text", () => {
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => i % 10).join(", ");
  const shapes: Record<string, [ConfigFormat, (n: number) => string]> = {
    "YAML list, then aliases of a scalar": ["yaml", (n) => `l: [${numbers(3 * n)}]\nv: &a 1\nr: [${Array(n).fill("*a").join(", ")}]\n`],
    "YAML aliases of a table": ["yaml", (n) => `t: &t {a: 1, b: [1, 2]}\nr:\n${"  - *t\n".repeat(n)}`],
    "JSON objects": ["json", (n) => `{"t": [${Array.from({ length: n }, (_, i) => `{"k${i}": [${i}]}`).join(", ")}]}`],
    "JSON nested near the limit": ["json", (n) => `{"a": [${Array(Math.floor(n / 100)).fill(`${"[".repeat(250)}${"]".repeat(250)}`).join(",")}]}`],
  };
  const cpu = (run: () => void): number => {
    let least = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      run();
      const { user, system } = process.cpuUsage(start);
      least = Math.min(least, user + system);
    }
    return least;
  };

  test.each(Object.entries(shapes))("%s", (_, [format, text]) => {
    const small = text(500);
    const large = text(8_000);
    expect(validateConfigText(large, format).valid).toBe(true);
    for (let i = 0; i < 3; i++) for (const warm of [small, large]) validateConfigText(warm, format);
    const ratio = cpu(() => validateConfigText(large, format)) / cpu(() => validateConfigText(small, format));
    expect(ratio).toBeLessThan(64);
  });
});
