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
    findConfigFile: () => undefined,
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
 * The `#:schema` directive the README shows. @taplo/lib's `lint()` does not implement it
 * (it panics with "not yet implemented"), but the taplo CLI compiled into the same wasm
 * module does: run `taplo lint` on files that carry the directive, as Even Better TOML and
 * the taplo CLI do.
 */
describe("the `#:schema` directive", () => {
  type Cli = (env: unknown, args: string[]) => Promise<void>;
  const cli = () => (Taplo as unknown as { taplo: { run_cli: Cli } }).taplo.run_cli;
  const vectors = readVectors<TextVector>("toml-text.jsonl");
  const valid = vectors.find((v) => v.expect.valid)!;
  const violation = vectors.find((v) => !v.expect.valid && v.expect.stage === "validate")!;

  async function lintFile(name: string, text: string): Promise<boolean> {
    const file = path.join(workDir, name);
    const directive = `#:schema ${path.relative(workDir, SCHEMA_FILE)}\n`;
    fs.writeFileSync(file, directive + text);
    try {
      await cli()(convertEnv(offline(workDir)), ["taplo", "lint", "--no-auto-config", file]);
      return true;
    } catch {
      return false;
    }
  }

  test("a valid config passes and a rule violation fails, with the schema path relative to the file", async () => {
    read.length = 0;
    expect(await lintFile("valid.toml", valid.text)).toBe(true);
    expect(await lintFile("violation.toml", violation.text)).toBe(false);
    expect(read).toContain(SCHEMA_FILE);
  });
});
