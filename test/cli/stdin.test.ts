import { tempDir } from "../support/temp-dir";
import { cli, cliWithInput, lines, STACK_TRACE } from "../support/cli";

const TEXTS = {
  toml: '[model.quant]\nenable = true\nprotocol = "none"\nenabel = true\n',
  json: '{\n  "model": {\n    "quant": { "enable": true, "protocol": "none", "enabel": true }\n  }\n}\n',
  yaml: "model:\n  quant:\n    enable: true\n    protocol: none\n    enabel: true\n",
};
const EXTENSIONS = { toml: "toml", json: "json", yaml: "yml" };

describe("- reads standard input, in the syntax --syntax names", () => {
  test.each(Object.keys(TEXTS) as (keyof typeof TEXTS)[])("%s: the same report as for the file, named <stdin>", (syntax) => {
    const file = `config.${EXTENSIONS[syntax]}`;
    const dir = tempDir({ [file]: TEXTS[syntax] });
    const fromFile = cli(["validate", file], dir);
    const fromStdin = cliWithInput(["validate", "--syntax", syntax, "-"], TEXTS[syntax], dir);
    expect(fromFile.status).toBe(1);
    expect(fromStdin).toMatchObject({ status: fromFile.status, stderr: "" });
    expect(fromStdin.stdout).toBe(fromFile.stdout.split(`${file}:`).join("<stdin>:"));

    const json = JSON.parse(cliWithInput(["validate", "--syntax", syntax, "--format", "json", "-"], TEXTS[syntax], dir).stdout);
    expect(json.files[0]).toMatchObject({ file: "<stdin>", status: "invalid" });
  });

  test("beside named files", () => {
    const run = cliWithInput(["validate", "--syntax", "toml", "examples/bitnet.toml", "-"], TEXTS.toml);
    expect(run.status).toBe(1);
    expect(lines(run.stdout).pop()).toBe("2 files checked: 1 valid, 1 invalid (1 error, 1 warning)");
  });

  test("without --syntax: exit 2, saying how to name it", () => {
    const run = cliWithInput(["validate", "-"], TEXTS.toml);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(["<stdin>: error: cannot check: name the syntax of standard input with --syntax toml|json|yaml"]);
  });

  test("an unknown syntax is a usage error", () => {
    const run = cliWithInput(["validate", "--syntax", "ini", "-"], TEXTS.toml);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("toml, json, yaml");
  });

  test("extends cannot be followed from standard input: exit 2 at the key; --no-extends checks the text alone", () => {
    const text = 'extends = ["base.toml"]\n[model.rho]\nprecision = "fp32"\n';
    const run = cliWithInput(["validate", "--syntax", "toml", "-"], text);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([
      "<stdin>:1:1: error: cannot follow extends from standard input, which has no folder for its paths: name the file, or pass --no-extends",
    ]);
    expect(cliWithInput(["validate", "--syntax", "toml", "--no-extends", "-"], text).status).toBe(0);
  });

  test("the size limit and the text checks hold for standard input too", () => {
    const big = cliWithInput(["validate", "--syntax", "toml", "-"], `# ${"x".repeat(300 * 1024)}\n`);
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/^<stdin>: error: cannot read: .*over the 256 KB limit/);
    const binary = cliWithInput(["validate", "--syntax", "json", "-"], Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(binary.status).toBe(2);
    expect(lines(binary.stderr)).toEqual(["<stdin>: error: not a text file: it is not valid UTF-8"]);
    expect(big.stdout + big.stderr + binary.stdout + binary.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("--syntax for files without a known extension", () => {
  const dir = tempDir({ "run.conf": TEXTS.toml, "base.cfg": TEXTS.json, "top.conf": 'extends = ["base.cfg"]\n', "real.toml": TEXTS.toml });

  test("without it: exit 2, naming the option", () => {
    const run = cli(["validate", "run.conf"], dir);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(["run.conf: error: cannot check: unknown file type (expected .toml, .json, .yaml, .yml, or name the syntax with --syntax)"]);
  });

  test("with it: read in that syntax", () => {
    const run = cli(["validate", "--syntax", "toml", "run.conf"], dir);
    expect(run.status).toBe(1);
    expect(lines(run.stdout)[0]).toBe('run.conf:3:1: error: model.quant.protocol must not be "none" when model.quant.enable = true');
  });

  test("a known extension still decides, and a base whose extension does not tell is TOML, as the trainer reads it", () => {
    expect(cli(["validate", "--syntax", "json", "real.toml"], dir).status).toBe(1);
    const chain = cli(["validate", "--syntax", "json", "top.conf"], dir);
    expect(chain.status).toBe(1);
    expect(lines(chain.stdout)[0]).toMatch(/^top\.conf:1:1: error: invalid JSON: /);
    const base = cli(["validate", "--syntax", "toml", "top.conf"], dir);
    expect(base.status).toBe(1);
    expect(lines(base.stdout)[0]).toMatch(/^base\.cfg:1:1: error: invalid TOML: /);
  });
});
