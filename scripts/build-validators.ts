import * as fs from "node:fs";
import * as path from "node:path";
import standaloneCode from "ajv/dist/standalone";
import { compilable, createAjv, type ValidatorKind } from "./ajv";
import { buildersSource } from "./builders";
import { readPublishedSchemas, TARGET_FILES } from "./schema/published";
import { shapeOf } from "./schema/shape";

/**
 * Compiles the published `schema/*.json` (not a fresh generation: what ships is what is
 * checked) into one standalone module per validator kind and target, so that a process loads
 * only what it uses; writes the default-filling shapes and the value builders made from them.
 */
const out = path.resolve(__dirname, "../dist/generated");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const schemas = readPublishedSchemas();

function write(file: string, content: string): void {
  fs.writeFileSync(path.join(out, file), content);
  console.log(`wrote dist/generated/${file} (${content.length} bytes)`);
}

for (const kind of ["check", "explain"] as ValidatorKind[]) {
  for (const [target, file] of Object.entries(TARGET_FILES)) {
    const ajv = createAjv(kind);
    ajv.addSchema(compilable(schemas[file], kind));
    write(`${kind}-${target}.js`, standaloneCode(ajv, { validate: schemas[file].$id as string }));
  }
}

const shapes = {
  quant: shapeOf(schemas[TARGET_FILES.quant]),
  rho: shapeOf(schemas[TARGET_FILES.rho]),
};
write("shapes.json", `${JSON.stringify(shapes)}\n`);
write("build.js", buildersSource(shapes));
