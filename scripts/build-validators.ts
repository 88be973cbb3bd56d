import * as fs from "node:fs";
import * as path from "node:path";
import { explainerModule } from "./compile/explainer";
import { readerModule } from "./compile/reader";
import { assertStructTargets, SCHEMA_FILES, type Target } from "../src/validate/targets";
import { readPublishedSchemas } from "./schema/schema-files";
import { documentShape } from "./compile/document-shape";
import { structTargets } from "../src/validate/shape";

/**
 * Compiles the published `schema/*.json` (not a fresh generation: what ships is what is
 * checked) into two standalone modules per target, so that a process loads only what it
 * uses: `read-<target>.js`, the value and the verdict in one pass, and the errors of an
 * invalid value; `explain-<target>.js`, Ajv's errors of any input, for input the reader
 * leaves to it. Writes the document's shape too.
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

const document = documentShape(schemas[SCHEMA_FILES.config]);
write("document-shape.json", `${JSON.stringify(document)}\n`);
const structs = structTargets(document);
assertStructTargets(structs.map(({ name }) => name), SCHEMA_FILES.config);
for (const [target, file] of Object.entries(SCHEMA_FILES) as [Target, (typeof SCHEMA_FILES)[Target]][]) {
  write(`read-${target}.js`, readerModule(schemas, target));
  write(`explain-${target}.js`, explainerModule(schemas[file]));
}

// Files of an earlier layout go; files are replaced in place, never all removed first, so a
// process reading dist/ meanwhile finds every module.
for (const file of fs.readdirSync(out)) if (!written.has(file)) fs.rmSync(path.join(out, file));
