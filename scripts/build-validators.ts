import * as fs from "node:fs";
import * as path from "node:path";
import { buildersSource } from "./compile/builders";
import { validatorModule } from "./compile/validator-module";
import { explainerModule } from "./compile/explainer";
import { SCHEMA_FILES } from "../src/validate/targets";
import { readPublishedSchemas } from "./schema/schema-files";
import { documentShape } from "./compile/document-shape";
import { structTargets } from "../src/validate/shape";

/**
 * Compiles the published `schema/*.json` (not a fresh generation: what ships is what is
 * checked) into one standalone module per validator kind and target, so that a process loads
 * only what it uses; writes the document's shape and the value builders made from it.
 */
const out = path.resolve(__dirname, "../dist/generated");
fs.mkdirSync(out, { recursive: true });
const schemas = readPublishedSchemas();
const written = new Set<string>();

function write(file: string, content: string): void {
  fs.writeFileSync(path.join(out, file), content);
  written.add(file);
  console.log(`wrote dist/generated/${file} (${content.length} bytes)`);
}

for (const [target, file] of Object.entries(SCHEMA_FILES)) {
  write(`explain-${target}.js`, explainerModule(schemas[file]));
  write(`first-${target}.js`, validatorModule("first", schemas[file]));
}

const document = documentShape(schemas[SCHEMA_FILES.config]);
const structs = structTargets(document).map(({ name }) => name);
const named = Object.keys(SCHEMA_FILES).filter((target) => target !== "config");
if (structs.join() !== named.join()) throw new Error(`the document's structs (${structs}) are not the targets of SCHEMA_FILES (${named})`);
write("document-shape.json", `${JSON.stringify(document)}\n`);
write("build.js", buildersSource(document));

// Files of an earlier layout go; files are replaced in place, never all removed first, so a
// process reading dist/ meanwhile finds every module.
for (const file of fs.readdirSync(out)) if (!written.has(file)) fs.rmSync(path.join(out, file));
