import * as fs from "node:fs";
import * as path from "node:path";
import { schemaFiles } from "../../scripts/schema/files";
import { SCHEMA_DIR } from "../../scripts/schema/published";

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
