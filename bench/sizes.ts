import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export interface ModuleSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** The bytes of each file, raw and gzipped (what a bundle or a cold `require` reads). */
export function sizes(files: readonly string[], relativeTo: string): ModuleSize[] {
  return files.map((file) => {
    const content = fs.readFileSync(file);
    return { file: path.relative(relativeTo, file), bytes: content.length, gzip: gzipSync(content).length };
  });
}

/** The validator modules the build ships. */
export function generatedModules(dist: string): string[] {
  const dir = path.join(dist, "generated");
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name));
}
