import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { AllowedDifferences, judgeTomlText, trainerView, usesToml11Only } from "../support/known-differences";
import { filesVerdict, fromView, sameFiles, writeViewTree, type Verdict } from "../support/files-verdict";
import { askOracle, oracleUnavailable, SHARED_DIR } from "../support/oracle";
import { tempDir } from "../support/temp-dir";

/**
 * Differential test over the real configs of upstream burn_dragon repositories
 * (`../shared/fixtures/upstream-corpus`, its `index.jsonl`): each file alone, as the trainer
 * reads one TOML text, and each in its tree, as the trainer loads it with its `extends`
 * (bases missing from the corpus included), both against the oracle and its known differences.
 */
const CORPUS = path.join(SHARED_DIR, "fixtures/upstream-corpus");
const skip = oracleUnavailable() ?? (fs.existsSync(path.join(CORPUS, "index.jsonl")) ? null : `the upstream corpus is not here (${CORPUS})`);

interface Entry {
  repo: string;
  path: string;
  file: string;
}

if (skip) {
  test.skip(`differential test over the upstream corpus (${skip})`, () => undefined);
} else {
  describe("the upstream corpus agrees with the oracle", () => {
    const entries = fs
      .readFileSync(path.join(CORPUS, "index.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Entry);

    test(`every config alone (${entries.length})`, () => {
      const texts = entries.map((entry) => fs.readFileSync(path.join(CORPUS, entry.file), "utf8"));
      const views = texts.map(trainerView);
      const answers = askOracle([...texts, ...views.map((view, i) => view ?? texts[i])].map((value) => ({ target: "trainer-toml" as const, value })));
      const allowed = new AllowedDifferences();
      const disagreements = texts.flatMap((text, i) => {
        const found = judgeTomlText(text, answers[i], answers[texts.length + i], validateConfigText(text, "toml"), allowed);
        return found === null ? [] : [`${entries[i].file}: ${found}`];
      });
      const valid = answers.slice(0, texts.length).filter((answer) => answer.ok).length;
      console.log(`upstream corpus, alone: ${texts.length} configs, ${valid} valid for the oracle, ${disagreements.length} disagreements; allowed: ${allowed.summary}`);
      expect(disagreements.slice(0, 5)).toEqual([]);
    });

    test(`every config in its tree, extends followed (${entries.length})`, () => {
      const root = fs.realpathSync.native(tempDir());
      const copy = path.join(root, "corpus");
      const view = path.join(root, "view");
      fs.cpSync(CORPUS, copy, { recursive: true });
      writeViewTree(copy, view);
      const files = entries.map((entry) => path.join(copy, entry.file));
      const answers = askOracle([
        ...files.map((file) => ({ target: "trainer-files" as const, value: [file] })),
        ...files.map((file) => ({ target: "trainer-files" as const, value: [file.replace(copy, view)] })),
      ]) as Verdict[];
      const allowed = new AllowedDifferences();
      const tally = new Map<string, number>();
      const disagreements: string[] = [];
      files.forEach((file, i) => {
        const written = answers[i];
        const rust = fromView(answers[files.length + i], view, copy);
        const mine = filesVerdict([file]);
        const kind = rust.ok ? "ok" : rust.stage;
        tally.set(kind, (tally.get(kind) ?? 0) + 1);
        const report = () => `${entries[i].file}\n  rust: ${JSON.stringify(written).slice(0, 400)}\n  view: ${JSON.stringify(rust).slice(0, 400)}\n  ours: ${JSON.stringify(mine).slice(0, 400)}`;
        if (!sameFiles(rust, mine)) disagreements.push(report());
        else if (JSON.stringify(written) !== JSON.stringify(rust)) {
          const refused = !written.ok && /^failed to parse (.*) as TOML: /.exec(written.message)?.[1];
          if (refused && usesToml11Only(fs.readFileSync(refused, "utf8"))) allowed.add("toml-1.1");
          else disagreements.push(`the tree and its trainer's view differ, for no known reason: ${report()}`);
        }
      });
      fs.rmSync(root, { recursive: true, force: true });
      console.log(
        `upstream corpus, in trees: ${files.length} configs, ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(", ")}; ${disagreements.length} disagreements; allowed: ${allowed.summary}`,
      );
      expect(disagreements.slice(0, 5)).toEqual([]);
    });
  });
}
