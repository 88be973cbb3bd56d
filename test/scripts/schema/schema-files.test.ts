import * as fs from "node:fs";
import * as path from "node:path";
import { PYTHON_SCHEMA_DIR, SCHEMA_DIR, schemaFiles } from "../../../scripts/schema/schema-files";

/** `schema/` is committed for editors and Python tools: it must be what the build writes. */
const generated = schemaFiles();

test("the build writes the three published files", () => {
  expect(Object.keys(generated).sort()).toEqual([
    "burn-dragon-config.schema.json",
    "low-bit-quantization-config.schema.json",
    "low-bit-rho-config.schema.json",
  ]);
});

test.each(Object.keys(generated))("schema/%s matches src/types (run `npm run build` after changing them)", (name) => {
  const committed = fs.readFileSync(path.join(SCHEMA_DIR, name), "utf8");
  expect(committed).toBe(generated[name]);
});

test.each(Object.keys(generated))("python/burn_dragon_schema/schema/%s is the published file (run `npm run build`)", (name) => {
  expect(fs.readFileSync(path.join(PYTHON_SCHEMA_DIR, name), "utf8")).toBe(generated[name]);
});

/** Every `$ref` in a schema, with where it stands. */
function refsOf(node: unknown, at = ""): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refsOf(item, `${at}/${i}`));
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [{ at, ref: value }] : refsOf(value, `${at}/${key}`),
  );
}

function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

test.each(Object.keys(generated))(
  "schema/%s is self-contained: every $ref points into the file itself, so no tool fetches anything",
  (name) => {
    const document = JSON.parse(generated[name]);
    for (const { at, ref } of refsOf(document)) {
      expect({ at, ref, local: ref.startsWith("#/") }).toEqual({ at, ref, local: true });
      expect(resolvePointer(document, ref.slice(1))).toEqual(expect.objectContaining({ type: "object" }));
    }
  },
);

test("the whole-document file does use local $refs, so the check above is about something", () => {
  expect(refsOf(JSON.parse(generated["burn-dragon-config.schema.json"])).length).toBeGreaterThan(0);
});
