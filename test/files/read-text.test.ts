import * as fs from "node:fs";
import * as path from "node:path";
import { FileProblem } from "../../dist/files/file-problem";
import { readText } from "../../dist/files/read-text";
import { MAX_CONFIG_BYTES } from "../../dist/text/size-limit";
import { tempDir } from "../support/temp-dir";

function problemOf(file: string): string {
  try {
    readText(file);
  } catch (error) {
    expect(error).toBeInstanceOf(FileProblem);
    return (error as FileProblem).message;
  }
  throw new Error(`${file} was read`);
}

describe("readText", () => {
  const dir = tempDir({ "ok.toml": "a = 1\n", "bom.toml": "\ufeffa = 1\n" });

  test("reads a UTF-8 text file, byte-order mark kept for the parser to judge", () => {
    expect(readText(path.join(dir, "ok.toml"))).toBe("a = 1\n");
    expect(readText(path.join(dir, "bom.toml"))).toBe("\ufeffa = 1\n");
  });

  test("a missing file, a directory, a path through a file", () => {
    expect(problemOf(path.join(dir, "missing.toml"))).toBe("cannot read: no such file");
    expect(problemOf(dir)).toBe("cannot read: it is a directory, not a file");
    expect(problemOf(path.join(dir, "ok.toml", "x.toml"))).toBe("cannot read: a part of the path is not a directory");
  });

  test("a device is refused before it is opened", () => {
    expect(problemOf("/dev/zero")).toBe("cannot read: it is not a regular file");
  });

  test("binary data and text that is not UTF-8", () => {
    fs.writeFileSync(path.join(dir, "nul.toml"), Buffer.from([0x61, 0x00, 0x62]));
    fs.writeFileSync(path.join(dir, "latin1.toml"), Buffer.from([0x61, 0x3d, 0x22, 0xe9, 0x22]));
    expect(problemOf(path.join(dir, "nul.toml"))).toMatch(/^not a text file: .*NUL/);
    expect(problemOf(path.join(dir, "latin1.toml"))).toMatch(/^not a text file: .*UTF-8/);
  });

  test("a file over the limit is refused by its size, unread", () => {
    const big = path.join(dir, "big.toml");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, MAX_CONFIG_BYTES + 1);
    expect(problemOf(big)).toBe("cannot read: it is 257 KB, over the 256 KB limit for a config file");
  });

  test("a symbolic link loop", () => {
    fs.symlinkSync("b.toml", path.join(dir, "a.toml"));
    fs.symlinkSync("a.toml", path.join(dir, "b.toml"));
    expect(problemOf(path.join(dir, "a.toml"))).toBe("cannot read: too many levels of symbolic links");
  });
});
