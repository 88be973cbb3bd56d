import * as fs from "node:fs";
import * as path from "node:path";
import { loadConfig, MAX_EXTENDS_DEPTH, MAX_MERGED_VALUES } from "../../dist/files/extends";
import { FileProblem } from "../../dist/files/file-problem";
import { RefusedConfig } from "../../dist/files/refused-config";
import { checkDocument } from "../../dist/text";
import { FIXTURES } from "../support/project";
import { tempDir } from "../support/temp-dir";
import { where } from "../support/where";

const resolveExtends = (file: string) => loadConfig([file]).document;

/** What the loader throws for `file`: a file it cannot check, or, as `refused`, a config the trainer refuses. */
function problemOf(file: string): { file: string; message: string; at?: { line: number; column: number }; refused?: true } {
  try {
    resolveExtends(file);
  } catch (error) {
    if (error instanceof RefusedConfig) return { file: error.located.at.file!, message: error.message, at: error.located.at, refused: true };
    expect(error).toBeInstanceOf(FileProblem);
    return error as FileProblem;
  }
  throw new Error(`${file} resolved`);
}

describe("extends", () => {
  test("bases merge in order, then the file on top; tables merge deeply, other values are replaced", () => {
    const dir = tempDir({
      "one.toml": '[model]\nn_layer = 4\nlayers = [1, 2]\n[model.quant]\nenable = true\nprotocol = "bitnet_b1"\n',
      "two.toml": '[model]\nn_layer = 6\nlayers = [3]\n[model.rho]\nprecision = "fp32"\n',
      "sub/top.toml": 'extends = ["../one.toml", "../two.toml"]\n[model.quant]\nweight_format = "int8"\n',
    });
    const { value } = resolveExtends(path.join(dir, "sub/top.toml"));
    expect(value).toEqual({
      model: {
        n_layer: 6,
        layers: [3],
        quant: { enable: true, protocol: "bitnet_b1", weight_format: "int8" },
        rho: { precision: "fp32" },
      },
    });
  });

  test("each value keeps the position of the file that set it", () => {
    const base = '[model.quant]\nenable = true\nprotocol = "bitnet_b1"\nact_grouping = "per_group"\n';
    const top = 'extends = ["base.toml"]\n[model.quant]\nweight_grouping = "per_group"\n';
    const dir = tempDir({ "base.toml": base, "top.toml": top });
    const document = resolveExtends(path.join(dir, "top.toml"));
    const check = checkDocument(document);
    expect(check.valid).toBe(false);
    const places = check.errors.map(({ at }) => [path.basename(at.file!), at.line, at.column]);
    expect(places).toEqual([
      ["base.toml", where(base, "act_grouping").line, 1],
      ["top.toml", where(top, "weight_grouping").line, 1],
    ]);
  });

  test("a value the file on top replaces points into the file on top", () => {
    const dir = tempDir({
      "base.toml": '[model.rho]\nprecision = "fp8_exp"\n',
      "top.toml": 'extends = ["base.toml"]\n\n[model.rho]\nprecision = "int8_block_exp"\n',
    });
    const [error] = checkDocument(resolveExtends(path.join(dir, "top.toml"))).errors;
    expect([path.basename(error.at.file!), error.at.line]).toEqual(["top.toml", 4]);
  });

  test("a cycle is named, at the entry that closes it", () => {
    const dir = tempDir({ "a.toml": 'extends = ["b.toml"]\n', "b.toml": '\nextends = ["a.toml"]\n' });
    const problem = problemOf(path.join(dir, "a.toml"));
    const [a, b] = ["a.toml", "b.toml"].map((name) => fs.realpathSync.native(path.join(dir, name)));
    expect(problem.message).toBe(`config extends cycle detected: ${a} -> ${b} -> ${a}`);
    expect([path.basename(problem.file), problem.at?.line, problem.refused]).toEqual(["b.toml", 2, true]);
  });

  test("a file that extends itself", () => {
    const dir = tempDir({ "a.toml": 'extends = ["./a.toml"]\n' });
    expect(problemOf(path.join(dir, "a.toml")).message).toMatch(/^config extends cycle detected: /);
  });

  test("a missing base is named, at the entry", () => {
    const dir = tempDir({ "a.toml": 'extends = [\n  "gone.toml",\n]\n' });
    const problem = problemOf(path.join(dir, "a.toml"));
    expect(problem.message).toMatch(/^extends "gone.toml": cannot read .*gone\.toml: no such file$/);
    expect(problem.at).toMatchObject({ line: 2, column: 3 });
  });

  test.each([
    ["not text", "binary.toml", "a\u0000b", /^extends "binary.toml": .*binary\.toml: not a text file/],
    ["a folder", "folder.toml/x.toml", "", /^extends "folder.toml": .*folder\.toml: cannot read: it is a directory/],
  ])("a base %s is refused at the entry that names it", (_, name, text, message) => {
    const base = name.split("/")[0];
    const dir = tempDir({ [name]: text, "a.toml": `\nextends = ["${base}"]\n` });
    const problem = problemOf(path.join(dir, "a.toml"));
    expect(problem.message).toMatch(message);
    expect([path.basename(problem.file), problem.at]).toMatchObject(["a.toml", { line: 2, column: 12 }]);
  });

  test("a base whose extension is none of the known ones is read as TOML, as the trainer reads every file", () => {
    const dir = tempDir({ "base.cfg": "[model.quant]\nenable = true\n", "notes.json.txt": '{"a": 1}\n', "a.toml": 'extends = "base.cfg"\n', "b.toml": 'extends = "notes.json.txt"\n' });
    expect(loadConfig([path.join(dir, "a.toml")]).document.value).toEqual({ model: { quant: { enable: true } } });
    expect(() => loadConfig([path.join(dir, "b.toml")])).toThrow(RefusedConfig);
  });

  test("a base that is not well-formed is reported inside it, where it breaks", () => {
    const dir = tempDir({ "base.toml": "[model]\nx = = 1\n", "a.toml": 'extends = "base.toml"\n' });
    const problem = problemOf(path.join(dir, "a.toml"));
    expect([path.basename(problem.file), problem.at?.line, problem.message, problem.refused]).toEqual(["base.toml", 2, expect.stringMatching(/^invalid TOML: /), true]);
  });

  test("extends is a path or a list of paths; anything else is refused in the trainer's words, where it stands", () => {
    const dir = tempDir({
      "base.toml": "[model.quant]\nenable = false\n",
      "one.toml": 'extends = "base.toml"\n',
      "a.toml": "extends = 3\n",
      "b.json": '{"extends": ["base.toml", 1]}',
      "c.toml": "extends = 1979-05-27\n",
      "d.toml": 'extends = ["base.toml", 07:32:00]\n',
      "e.toml": "extends = 1.0\n",
    });
    expect(resolveExtends(path.join(dir, "one.toml")).value).toEqual({ model: { quant: { enable: false } } });
    expect(problemOf(path.join(dir, "a.toml"))).toMatchObject({ message: "extends must be a string or array of strings, got integer", at: { line: 1 } });
    expect(problemOf(path.join(dir, "b.json")).message).toBe("extends entries must be strings, got integer");
    expect(problemOf(path.join(dir, "c.toml")).message).toBe("extends must be a string or array of strings, got datetime");
    expect(problemOf(path.join(dir, "d.toml"))).toMatchObject({ message: "extends entries must be strings, got datetime", at: { line: 1, column: 25 } });
    expect(problemOf(path.join(dir, "e.toml")).message).toBe("extends must be a string or array of strings, got float");
  });

  test("paths are relative to the folder of the file once its symbolic links are resolved", () => {
    const dir = tempDir({ "real/base.toml": "[model.rho]\nprecision = \"fp32\"\n", "real/top.toml": 'extends = "base.toml"\n', "base.toml": "" });
    fs.symlinkSync("real/top.toml", path.join(dir, "top.toml"));
    expect(resolveExtends(path.join(dir, "top.toml")).value).toEqual({ model: { rho: { precision: "fp32" } } });
  });

  test("a table that sets another `type` replaces the base's table instead of merging into it", () => {
    const dir = tempDir({
      "base.toml": '[block]\ntype = "dense"\nwidth = 4\n[other]\nkeep = 1\n',
      "same.toml": 'extends = "base.toml"\n[block]\ntype = "dense"\ndepth = 2\n',
      "switch.toml": 'extends = "base.toml"\n[block]\ntype = "sparse"\ndepth = 2\n',
    });
    expect(resolveExtends(path.join(dir, "same.toml")).value).toEqual({ block: { type: "dense", width: 4, depth: 2 }, other: { keep: 1 } });
    expect(resolveExtends(path.join(dir, "switch.toml")).value).toEqual({ block: { type: "sparse", depth: 2 }, other: { keep: 1 } });
  });

  test("several files merge left to right, each with its own extends", () => {
    const dir = tempDir({
      "base.toml": "[model.quant]\nenable = false\n",
      "one.toml": 'extends = "base.toml"\n[model.rho]\nprecision = "fp32"\n',
      "two.toml": '[model.rho]\nprecision = "bf16"\n',
    });
    const { document } = loadConfig([path.join(dir, "one.toml"), path.join(dir, "two.toml")]);
    expect(document.value).toEqual({ model: { quant: { enable: false }, rho: { precision: "bf16" } } });
    expect(path.basename(document.positions.get("/model/rho/precision")!.file!)).toBe("two.toml");
  });

  test(`merges past ${MAX_MERGED_VALUES} values are refused, at the entry that asks for them`, () => {
    const big = `${Array.from({ length: 15_000 }, (_, i) => `k${i} = ${i}`).join("\n")}\n`;
    const names = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? "big.toml" : "small.toml"));
    const dir = tempDir({ "big.toml": big, "small.toml": "x = 1\n", "top.toml": `extends = ${JSON.stringify(names)}\n` });
    expect(problemOf(path.join(dir, "top.toml")).message).toMatch(/^the merged config is too large to check/);
  });

  test("a base named again straight after itself is merged once", () => {
    const big = `${Array.from({ length: 15_000 }, (_, i) => `k${i} = ${i}`).join("\n")}\n`;
    const dir = tempDir({ "big.toml": big, "top.toml": `extends = ${JSON.stringify(Array(1600).fill("big.toml"))}\n` });
    expect(Object.keys(resolveExtends(path.join(dir, "top.toml")).value as object)).toHaveLength(15_000);
  });

  test(`a chain deeper than ${MAX_EXTENDS_DEPTH} files is refused; one of ${MAX_EXTENDS_DEPTH} is resolved`, () => {
    const files: Record<string, string> = {};
    const length = MAX_EXTENDS_DEPTH + 10;
    for (let i = 0; i < length; i++) files[`f${i}.toml`] = i + 1 < length ? `extends = ["f${i + 1}.toml"]\n` : "[model.quant]\n";
    const dir = tempDir(files);
    expect(problemOf(path.join(dir, "f0.toml")).message).toMatch(new RegExp(`deeper than ${MAX_EXTENDS_DEPTH} files`));
    expect(() => resolveExtends(path.join(dir, `f${length - MAX_EXTENDS_DEPTH}.toml`))).not.toThrow();
  });

  test("a base shared by many files is read once, however the chain branches", () => {
    const files: Record<string, string> = { "l0.toml": "[model.quant]\nenable = false\n" };
    for (let i = 1; i <= 40; i++) files[`l${i}.toml`] = `extends = ["l${i - 1}.toml", "l${i - 1}.toml"]\n`;
    const dir = tempDir(files);
    expect(resolveExtends(path.join(dir, "l40.toml")).value).toEqual({ model: { quant: { enable: false } } });
  });

  test("a symbolic link loop on a base's path", () => {
    const dir = tempDir({ "a.toml": 'extends = ["loop.toml"]\n' });
    fs.symlinkSync("loop2.toml", path.join(dir, "loop.toml"));
    fs.symlinkSync("loop.toml", path.join(dir, "loop2.toml"));
    expect(problemOf(path.join(dir, "a.toml")).message).toMatch(/too many levels of symbolic links$/);
  });

  test("the upstream chain resolves and is valid", () => {
    const top = path.join(FIXTURES, "upstream/config/language/baselines/current_best_bitnet.toml");
    const document = resolveExtends(top);
    expect(checkDocument(document, { strict: true })).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect((document.value as { model: { quant: { protocol: string } } }).model.quant.protocol).toBe("bitnet_b158");
  });
});

describe("the files a config is made of", () => {
  test("each base with the entries of the file given that lead to it, each once", () => {
    const dir = fs.realpathSync.native(
      tempDir({ "base.toml": "[model.quant]\nenable = false\n", "mid.toml": 'extends = "base.toml"\n', "run.toml": 'extends = [\n  "mid.toml",\n  "base.toml",\n]\n' }),
    );
    const { files } = loadConfig([path.join(dir, "run.toml")]);
    const entry = (line: number) => ({ file: path.join(dir, "run.toml"), line, column: 3 });
    expect([...files.values()].map((file) => [path.basename(file.real), file.via])).toEqual([
      ["run.toml", []],
      ["mid.toml", [entry(2)]],
      ["base.toml", [entry(2), entry(3)]],
    ]);
    expect(files.get(path.join(dir, "run.toml"))?.bases.map((base) => path.basename(base.real))).toEqual(["mid.toml", "base.toml"]);
  });

  test("a refusal inside a base carries them too", () => {
    const dir = fs.realpathSync.native(tempDir({ "base.toml": "[model\n", "run.toml": 'extends = "base.toml"\n' }));
    try {
      loadConfig([path.join(dir, "run.toml")]);
      throw new Error("the config loaded");
    } catch (error) {
      expect(error).toBeInstanceOf(RefusedConfig);
      const base = (error as RefusedConfig).files?.get(path.join(dir, "base.toml"));
      expect(base?.via).toEqual([{ file: path.join(dir, "run.toml"), line: 1, column: 1 }]);
    }
  });

  test("a text source stands before the disk, and for a file that is not on it yet", () => {
    const dir = fs.realpathSync.native(tempDir({ "base.toml": "[model.quant]\nenable = false\n", "run.toml": 'extends = "base.toml"\n' }));
    const texts = new Map([
      [path.join(dir, "base.toml"), '[model.rho]\nprecision = "fp32"\n'],
      [path.join(dir, "new.toml"), 'extends = "base.toml"\n[model.quant]\nenable = true\n'],
    ]);
    const source = { textOf: (file: string) => texts.get(file) };
    expect(loadConfig([path.join(dir, "run.toml")], { source }).document.value).toEqual({ model: { rho: { precision: "fp32" } } });
    expect(loadConfig([path.join(dir, "new.toml")], { source }).document.value).toEqual({ model: { rho: { precision: "fp32" }, quant: { enable: true } } });
  });
});
