import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_EXTENDS_DEPTH } from "../../dist/files/extends";
import { MAX_NESTING_DEPTH } from "../../dist/text/parse/nesting-limit";
import { MAX_CONFIG_BYTES } from "../../dist/text/size-limit";
import { tempDir } from "../support/temp-dir";
import { AS_A_USER, cli, headings, lines, STACK_TRACE } from "../support/cli";

/**
 * Files that cannot be checked, run through the command line as a child process with a
 * small heap: exit 2, one line on stderr naming the file, no stack trace, memory bounded.
 * A file the trainer refuses (not well-formed, an extends cycle) is an invalid config: exit 1,
 * one issue on stdout with the place.
 */
const dir = tempDir();

function write(name: string, content: string | Buffer): string {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), content);
  return name;
}

function expectOneLine(file: string, pattern: RegExp): void {
  const run = cli(["validate", file], dir);
  expect(run.status).toBe(2);
  const [line, ...rest] = lines(run.stderr);
  expect(rest).toEqual([]);
  expect(line).toMatch(pattern);
  expect(line.startsWith(file) || line.includes(path.basename(file))).toBe(true);
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
}

test(`a 50 MB file is refused by its size (the limit is ${MAX_CONFIG_BYTES} bytes), never read into memory`, () => {
  const chunk = Buffer.from("[training]\n".padEnd(1024, "#") + "\n");
  const fd = fs.openSync(path.join(dir, "huge.toml"), "w");
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  expectOneLine("huge.toml", /^huge\.toml: error: cannot read: it is 50\.\d MB, over the 256 KB limit for a config file$/);
});

describe("a file just under the size limit is checked within the memory bound, in time", () => {
  const fill = (head: string, item: (i: number) => string, tail: string) => {
    const parts = [head];
    let size = head.length + tail.length;
    for (let i = 0; ; i++) {
      const next = item(i);
      if (size + next.length >= MAX_CONFIG_BYTES) break;
      parts.push(next);
      size += next.length;
    }
    return parts.join("") + tail;
  };
  test.each([
    ["full.toml", fill('[model.rho]\nprecision = "fp32"\n[training]\n', (i) => `key_${i} = "value ${i}"\n`, "")],
    ["full.json", fill('{"model": {"rho": {"precision": "fp32"}}, "t": [0', (i) => `, {"a": ${i}}`, "]}")],
    ["full.yaml", fill("model:\n  rho:\n    precision: fp32\nt:\n", (i) => `  - a: ${i}\n`, "")],
    ["dotted.toml", fill("", (i) => `t${i}.x = 1\n`, "")],
    ["inline.toml", fill("", (i) => `k${i} = { a = { b = [1, 2] } }\n`, "")],
    ["tables.toml", fill("", (i) => `[t${i}]\na = 1\n[t${i}.s]\n`, "")],
    ["digits.toml", fill("a = [", (i) => `${i % 10},`, "]\n")],
    ["digits.json", fill('{"a": [', (i) => `${i % 10},`, "0]}")],
    ["digits.yaml", fill("a: [", (i) => `${i % 10},`, "0]\n")],
  ])("%s", (name, text) => {
    write(name, text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_CONFIG_BYTES * 0.99);
    expect(cli(["validate", name], dir)).toMatchObject({ status: 0, stderr: "" });
  });
});

test("binary data", () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  write("binary.toml", bytes);
  expectOneLine("binary.toml", /^binary\.toml: error: not a text file: /);
});

test("text that is not UTF-8", () => {
  write("latin1.toml", Buffer.from('[model.quant]\nnote = "caf\xe9"\n', "latin1"));
  expectOneLine("latin1.toml", /^latin1\.toml: error: not a text file: it is not valid UTF-8$/);
});

test("a folder without config files", () => {
  fs.mkdirSync(path.join(dir, "config.toml"));
  expectOneLine("config.toml", /^config\.toml: error: no config files below this folder \(none ends in \.toml, \.json, \.yaml, \.yml\)$/);
});

test("a missing file, and a path through a file", () => {
  expectOneLine("absent.toml", /^absent\.toml: error: cannot read: no such file$/);
  write("plain.toml", "");
  expectOneLine("plain.toml/inner.toml", /^plain\.toml\/inner\.toml: error: cannot read: a part of the path is not a directory$/);
});

test("a file without read permission", () => {
  const own = tempDir({ "secret.toml": "[model]\n" });
  fs.chmodSync(path.join(own, "secret.toml"), 0o000);
  const run = cli(["validate", "secret.toml"], own, AS_A_USER);
  expect(run.status).toBe(2);
  expect(lines(run.stderr)).toEqual(["secret.toml: error: cannot read: permission denied"]);
});

test("a device is not opened", () => {
  const run = cli(["validate", "/dev/zero"], dir);
  expect(run.status).toBe(2);
  expect(lines(run.stderr)).toEqual(["/dev/zero: error: cannot read: it is not a regular file"]);
});

/** A config the trainer refuses: exit 1, its one issue on stdout, then the summary. */
function expectRefused(file: string, pattern: RegExp): void {
  const run = cli(["validate", file], dir);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: "" });
  const [line, summary, ...rest] = headings(run.stdout);
  expect(rest).toEqual([]);
  expect(line).toMatch(pattern);
  expect(summary).toBe("1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)");
  expect(run.stdout).not.toMatch(STACK_TRACE);
}

test.each([
  ["bad.toml", "[model.quant]\nenable = tru\n", /^bad\.toml:2:10: error: invalid TOML: /],
  ["bad.json", '{\n  "model": {"quant": {"enable": true,}}\n}\n', /^bad\.json:2:38: error: invalid JSON: /],
  ["bad.yaml", "model:\n  quant: {enable: true\n", /^bad\.yaml:3:1: error: invalid YAML: /],
])("%s is not well-formed: an invalid config, its one issue with the place", (name, text, pattern) => {
  write(name, text);
  expectRefused(name, pattern);
});

test.each([
  ["deep.json", `{"a": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`, new RegExp(`^deep\\.json:1:${6 + MAX_NESTING_DEPTH}: error: cannot check: it is nested more than ${MAX_NESTING_DEPTH} levels deep$`)],
  ["deep.yaml", `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, new RegExp(`^deep\\.yaml:1:${4 + MAX_NESTING_DEPTH}: error: cannot check: it is nested more than ${MAX_NESTING_DEPTH} levels deep$`)],
  ["notes.txt", "[model]\n", /^notes\.txt: error: cannot check: unknown file type/],
])("%s cannot be checked: one line with the place", (name, text, pattern) => {
  write(name, text);
  expectOneLine(name, pattern);
});

test("an extends cycle", () => {
  write("cycle/a.toml", 'extends = ["b.toml"]\n');
  write("cycle/b.toml", 'extends = ["a.toml"]\n');
  expectRefused("cycle/a.toml", /^cycle\/b\.toml:1:12: error: config extends cycle detected: \/.*\/cycle\/a\.toml -> \/.*\/cycle\/b\.toml -> \/.*\/cycle\/a\.toml$/);
});

test("a missing base", () => {
  write("lonely.toml", 'extends = ["nowhere/base.toml"]\n');
  expectOneLine("lonely.toml", /^lonely\.toml:1:12: error: extends "nowhere\/base\.toml": cannot read nowhere\/base\.toml: no such file$/);
});

test("a 1,000-deep extends chain", () => {
  for (let i = 0; i < 1000; i++) write(`chain/f${i}.toml`, i < 999 ? `extends = ["f${i + 1}.toml"]\n` : "[model.quant]\nenable = false\n");
  expectOneLine("chain/f0.toml", new RegExp(`^chain/f${MAX_EXTENDS_DEPTH - 1}\\.toml:1:12: error: extends chain from chain/f0\\.toml is deeper than ${MAX_EXTENDS_DEPTH} files$`));
});

test("a symbolic link loop on an extends path", () => {
  write("links/top.toml", 'extends = ["base.toml"]\n');
  fs.symlinkSync("other.toml", path.join(dir, "links/base.toml"));
  fs.symlinkSync("base.toml", path.join(dir, "links/other.toml"));
  expectOneLine("links/top.toml", /^links\/top\.toml:1:12: error: extends "base\.toml": cannot read links\/base\.toml: too many levels of symbolic links$/);
});
