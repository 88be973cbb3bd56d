import * as fs from "node:fs";
import * as path from "node:path";
import { TRAINER, TRAINER_VERSIONS } from "../dist";
import { SHARED_DIR } from "./support/oracle";
import { PROJECT } from "./support/project";

/** The trainer the package states it follows: the crates the oracle's README says the trainer locks, named in every schema file. */
const README = path.join(SHARED_DIR, "oracle/README.md");

test("every published schema file names the trainer in its $comment", () => {
  for (const file of fs.readdirSync(path.join(PROJECT, "schema"))) {
    const schema = JSON.parse(fs.readFileSync(path.join(PROJECT, "schema", file), "utf8")) as { $comment?: string };
    expect(schema.$comment).toBe(`Verdicts and messages of ${TRAINER_VERSIONS}.`);
  }
});

if (!fs.existsSync(README)) {
  test.skip(`the trainer's crates match the oracle's README (skipped: ${README} is not here)`, () => undefined);
} else {
  test("the trainer's crates are those the oracle's README says the trainer locks", () => {
    const readme = fs.readFileSync(README, "utf8");
    const locked = /\| TOML reader \| toml (\S+?)\+/.exec(readme)?.[1];
    const serde = /\| serde, serde_derive \| (\S+) /.exec(readme)?.[1];
    expect({ toml: locked, serde }).toEqual(TRAINER.crates);
    expect(readme).toContain(`\`${TRAINER.loader.crate}\` ${TRAINER.loader.version}`);
  });
}
