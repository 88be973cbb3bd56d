import * as fs from "node:fs";
import * as path from "node:path";
import standaloneCode from "ajv/dist/standalone";
import { createAjv, type ValidatorKind } from "./ajv";
import { readPublishedSchemas, TARGET_FILES } from "./schema/published";
import { shapeOf } from "./schema/shape";

/**
 * Compiles the published `schema/*.json` (not a fresh generation: what ships is what is
 * checked) into standalone validator modules, and writes the default-filling shapes.
 */
const out = path.resolve(__dirname, "../dist/generated");
fs.mkdirSync(out, { recursive: true });
const schemas = readPublishedSchemas();

for (const kind of ["check", "explain"] as ValidatorKind[]) {
  const ajv = createAjv(kind);
  const exports: Record<string, string> = {};
  for (const [target, file] of Object.entries(TARGET_FILES)) {
    ajv.addSchema(schemas[file]);
    exports[target] = schemas[file].$id as string;
  }
  fs.writeFileSync(path.join(out, `${kind}.js`), standaloneCode(ajv, exports));
  console.log(`wrote dist/generated/${kind}.js`);
}

const shapes = {
  quant: shapeOf(schemas[TARGET_FILES.quant]),
  rho: shapeOf(schemas[TARGET_FILES.rho]),
};
fs.writeFileSync(path.join(out, "shapes.json"), `${JSON.stringify(shapes)}\n`);
console.log("wrote dist/generated/shapes.json");
