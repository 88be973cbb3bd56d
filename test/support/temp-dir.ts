import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** A fresh directory with the given files (path → text) written into it. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "burn-dragon-schema-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
