import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Taplo } from "@taplo/lib";
import { convertEnv, type Environment } from "@taplo/core";
import { readVectors, type TextVector } from "../support/vectors";

/**
 * taplo (the engine of Even Better TOML) linting the TOML vectors against
 * `schema/burn-dragon-config.schema.json`. Its verdict must equal Rust's: a TOML syntax or
 * type error that serde rejects is a lint error too, and so is every rule violation.
 * taplo words schema errors itself (its JSON Schema crate ignores `errorMessage`), so only
 * the verdict is compared.
 */
const SCHEMA_FILE = path.resolve(__dirname, "../../schema/burn-dragon-config.schema.json");
const read: string[] = [];

/** A file system view for taplo that reads files and never touches the network. */
function offline(cwd: string): Environment {
  return {
    cwd: () => cwd,
    envVar: () => undefined,
    envVars: () => [],
    findConfigFile: (from) => [".taplo.toml"].map((name) => path.join(from, name)).find((file) => fs.existsSync(file)),
    glob: (pattern) => (fs.existsSync(pattern) ? [pattern] : []),
    isAbsolute: (p) => path.isAbsolute(p),
    now: () => new Date(),
    readFile: async (p) => {
      read.push(p);
      return fs.readFileSync(p);
    },
    writeFile: async () => {
      throw new Error("taplo must not write files here");
    },
    stderr: async (bytes) => bytes.length,
    stdErrAtty: () => false,
    stdin: async () => new Uint8Array(),
    stdout: async (bytes) => bytes.length,
    urlToFilePath: (url) => new URL(url).pathname,
    fetch: {
      fetch: async (url: unknown) => {
        throw new Error(`no network: ${String(url)}`);
      },
      Headers,
      Request,
      Response,
    },
  };
}

let taplo: Taplo;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "taplo-consumer-"));

beforeAll(async () => {
  taplo = await Taplo.initialize(offline(workDir));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("the TOML vectors, linted with the schema associated by path", () => {
  const vectors = readVectors<TextVector>("toml-text.jsonl");
  const config = { schema: { path: SCHEMA_FILE } };

  test("there are cases of every kind", () => {
    const kinds = new Set(vectors.map((v) => (v.expect.valid ? "valid" : v.expect.stage)));
    expect([...kinds].sort()).toEqual(["deserialize", "valid", "validate"]);
  });

  test.each(vectors.map((v) => [`#${v.id}`, v] as const))("%s", async (_name, vector) => {
    const { errors } = await taplo.lint(vector.text, { config });
    expect({ rejected: errors.length > 0, errors }).toMatchObject({ rejected: !vector.expect.valid });
  });

  test("the schema came from the local file", () => {
    expect(read).toContain(SCHEMA_FILE);
  });
});

/**
 * The two ways the README associates the schema with TOML files. @taplo/lib's `lint()` does
 * not implement the `#:schema` directive (it panics with "not yet implemented"), but the
 * taplo CLI compiled into the same wasm module does: run `taplo lint` on files, as Even
 * Better TOML and the taplo CLI do.
 */
describe("taplo's CLI with the README's associations", () => {
  type Cli = (env: unknown, args: string[]) => Promise<void>;
  const cli = () => (Taplo as unknown as { taplo: { run_cli: Cli } }).taplo.run_cli;
  const vectors = readVectors<TextVector>("toml-text.jsonl");
  const valid = vectors.find((v) => v.expect.valid)!;
  const violation = vectors.find((v) => !v.expect.valid && v.expect.stage === "validate")!;

  async function lintFile(dir: string, name: string, text: string, args: string[] = []): Promise<boolean> {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    try {
      await cli()(convertEnv(offline(dir)), ["taplo", "lint", ...args, file]);
      return true;
    } catch {
      return false;
    }
  }

  test("`#:schema` on the first line, the path relative to the file", async () => {
    const dir = path.join(workDir, "directive");
    const directive = `#:schema ${path.relative(dir, SCHEMA_FILE)}\n`;
    read.length = 0;
    expect(await lintFile(dir, "valid.toml", directive + valid.text, ["--no-auto-config"])).toBe(true);
    expect(await lintFile(dir, "violation.toml", directive + violation.text, ["--no-auto-config"])).toBe(false);
    expect(read).toContain(SCHEMA_FILE);
  });

  test("`[schema] path` in `.taplo.toml`", async () => {
    const dir = path.join(workDir, "config");
    fs.mkdirSync(dir, { recursive: true });
    const config = `include = ["*.toml"]\n\n[schema]\npath = ${JSON.stringify(path.relative(dir, SCHEMA_FILE))}\n`;
    fs.writeFileSync(path.join(dir, ".taplo.toml"), config);
    read.length = 0;
    expect(await lintFile(dir, "valid.toml", valid.text)).toBe(true);
    expect(await lintFile(dir, "violation.toml", violation.text)).toBe(false);
    expect(read).toContain(path.join(dir, ".taplo.toml"));
    expect(read).toContain(SCHEMA_FILE);
  });
});
