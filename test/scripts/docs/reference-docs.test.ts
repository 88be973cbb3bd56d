import * as fs from "node:fs";
import * as path from "node:path";
import { quantizationRules, rhoRules, trainerRules } from "../../../src/types";
import { quantizationVariants } from "../../../src/types/quant/variants";
import { rhoVariants } from "../../../src/types/rho/variants";
import { DOCS_DIR, docFiles } from "../../../scripts/docs/doc-files";
import { schemaDocuments } from "../../../scripts/schema/documents";

/** `docs/reference.md` is committed: it must be what the build writes, and cover everything. */
const generated = docFiles();
const reference = generated["reference.md"];

test("docs/reference.md matches src/types (run `npm run build` after changing them)", () => {
  expect(fs.readFileSync(path.join(DOCS_DIR, "reference.md"), "utf8")).toBe(reference);
});

test("every rule is there with its Rust message, in order", () => {
  for (const rules of [quantizationRules, rhoRules, trainerRules]) {
    const at = rules.map((rule) => reference.indexOf(`> ${rule.message}\n`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  }
});

test("every field is there with its description and default", () => {
  const documents = schemaDocuments();
  const structs = {
    "model.quant": documents["low-bit-quantization-config.schema.json"],
    "model.rho": documents["low-bit-rho-config.schema.json"],
  };
  for (const [table, struct] of Object.entries(structs)) {
    const all = Object.entries(struct.properties!).flatMap(([name, field]) =>
      field.type === "object"
        ? [[name, field] as const, ...Object.entries(field.properties!).map(([inner, f]) => [`${name}.${inner}`, f] as const)]
        : [[name, field] as const],
    );
    for (const [name, field] of all) {
      const start = reference.indexOf(`### \`${table}.${name}\`\n`);
      expect({ name, found: start >= 0 }).toEqual({ name, found: true });
      const entry = reference.slice(start, reference.indexOf("\n### ", start + 1));
      expect(entry).toContain(field.description!);
      expect(entry).toContain(`- Default: \`${JSON.stringify(field.default)}\``);
    }
  }
});

test("every variant is there with its description", () => {
  for (const docs of [...Object.values(quantizationVariants), ...Object.values(rhoVariants)]) {
    for (const [variant, doc] of Object.entries(docs)) {
      expect(reference).toContain(`| \`${JSON.stringify(variant)}\` | ${doc}`);
    }
  }
});
