import * as fs from "node:fs";
import * as path from "node:path";
import { validateBurnDragonConfig } from "../../dist";
import { cli, lines, STACK_TRACE } from "../support/cli";
import { PROJECT } from "../support/project";
import { TRAINER_VERSIONS } from "../../dist";

const schemaFile = (name: string) => fs.readFileSync(path.join(PROJECT, "schema", name), "utf8");

describe("burn-dragon-schema schema", () => {
  test.each([
    [[], "burn-dragon-config.schema.json"],
    [["config"], "burn-dragon-config.schema.json"],
    [["quant"], "low-bit-quantization-config.schema.json"],
    [["rho"], "low-bit-rho-config.schema.json"],
  ])("schema %j prints %s as published", (args, file) => {
    expect(cli(["schema", ...args])).toMatchObject({ status: 0, stdout: schemaFile(file), stderr: "" });
  });

  test("an unknown schema is a usage error", () => {
    const run = cli(["schema", "model"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("quant, rho, config");
  });
});

describe("burn-dragon-schema defaults", () => {
  const valid = validateBurnDragonConfig({});
  if (!valid.valid) throw new Error("the empty config should be valid");
  const model = valid.value.model as { quant: unknown; rho: unknown };

  test.each([
    [["quant"], model.quant],
    [["rho"], model.rho],
    [[], { quant: model.quant, rho: model.rho }],
  ])("defaults %j prints what the validator fills in", (args, expected) => {
    const run = cli(["defaults", ...args]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });
});

describe("help, version and usage errors", () => {
  test("--help lists the commands, exit 0", () => {
    const run = cli(["--help"]);
    expect(run.status).toBe(0);
    for (const command of ["validate", "schema", "defaults"]) expect(run.stdout).toContain(command);
    expect(cli(["validate", "--help"]).stdout).toMatch(/--strict[\s\S]*--format[\s\S]*--no-extends/);
  });

  test("--version prints the package's version and the trainer's whose verdicts it gives", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT, "package.json"), "utf8"));
    expect(cli(["--version"])).toMatchObject({ status: 0, stdout: `burn-dragon-schema ${version}\nverdicts and messages of ${TRAINER_VERSIONS}\n` });
  });

  test.each([
    [[]],
    [["validate"]],
    [["validate", "--format", "xml", "examples/bitnet.toml"]],
    [["validate", "--strcit", "examples/bitnet.toml"]],
    [["lint", "examples/bitnet.toml"]],
    [["defaults", "model"]],
  ])("%j is a usage error: exit 2, no stack trace", (args) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toBe("");
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(lines(run.stderr).length).toBeGreaterThan(0);
  });
});
