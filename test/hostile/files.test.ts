import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_CONFIG_BYTES } from "../../dist/text/size-limit";
import { cli, lines, STACK_TRACE } from "../support/cli";
import { tempDir } from "../support/temp-dir";
import { HOSTILE_FILES } from "../support/hostile-files";

/** Each hostile file through the command line, with a bounded heap: its exit status and its output, never a stack trace. */
const dir = tempDir();

test.each(HOSTILE_FILES.map((file) => [file.name, file] as const))("%s", (_, { file, text, status, output, beside }) => {
  for (const [name, written] of [[file, text] as const, ...Object.entries(beside ?? {})]) {
    const content = written();
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(MAX_CONFIG_BYTES);
    fs.writeFileSync(path.join(dir, name), content);
  }
  const run = cli(["validate", file], dir);
  expect({ status: run.status, output: run.stdout + run.stderr }).toEqual({ status, output: expect.stringMatching(output) });
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  expect(lines(run.stderr).length).toBeLessThanOrEqual(1);
});
