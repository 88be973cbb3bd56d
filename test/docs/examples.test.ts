import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

/**
 * Every `$ command` block of the README and of `docs/` is run as it is written, in a fresh
 * folder holding a copy of `examples/` and the package installed as a user's dependency, and
 * must print what the page shows (the folder's path written as `.`). A block that cannot run
 * here says why in a `<!-- not run: … -->` comment just before it.
 */
const PAGES = ["README.md", "CONTRIBUTING.md", "SECURITY.md", ...fs.readdirSync(path.join(PROJECT, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)].filter(
  (page) => fs.existsSync(path.join(PROJECT, page)),
);

interface Block {
  page: string;
  line: number;
  /** Each command, and what it prints. */
  steps: { command: string; output: string }[];
  notRun?: string;
}

/** The fenced blocks of a page that hold `$ ` commands, each with the reason it is not run, where it says one. */
function commandBlocks(page: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```(\w*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i].slice(fence[1].length));
    if (!body.some((line) => line.startsWith("$ "))) continue;
    const steps: Block["steps"] = [];
    for (const line of body) {
      if (line.startsWith("$ ")) steps.push({ command: line.slice(2), output: "" });
      else if (steps.length > 0) steps[steps.length - 1].output += `${line}\n`;
    }
    const before = lines.slice(0, start).reverse().find((line) => line.trim() !== "");
    const notRun = before && /^<!-- not run: (.+) -->$/.exec(before.trim())?.[1];
    blocks.push({ page, line: start + 1, steps, ...(notRun ? { notRun } : {}) });
  }
  return blocks;
}

/** A folder as a user's project: the examples, and the package as a dependency with its command. */
function userFolder(): string {
  const dir = tempDir();
  fs.cpSync(path.join(PROJECT, "examples"), path.join(dir, "examples"), { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules/.bin"), { recursive: true });
  fs.symlinkSync(PROJECT, path.join(dir, "node_modules/burn-dragon-schema"));
  // The pages' Node examples bring their own Ajv, as a user's project does.
  fs.symlinkSync(path.join(PROJECT, "node_modules/ajv"), path.join(dir, "node_modules/ajv"));
  fs.symlinkSync(path.join(PROJECT, "bin/burn-dragon-schema.js"), path.join(dir, "node_modules/.bin/burn-dragon-schema"));
  return dir;
}

const blocks = PAGES.flatMap((page) => commandBlocks(page, fs.readFileSync(path.join(PROJECT, page), "utf8")));

test("the pages hold examples to run", () => {
  expect(blocks.filter((block) => !block.notRun).length).toBeGreaterThan(5);
});

// A block not run is named with its reason, which the end of the run repeats among the skipped.
const titleOf = (block: Block) => `${block.page}:${block.line}${block.notRun ? ` (not run here: ${block.notRun})` : ""}`;

describe.each(blocks.map((block) => [titleOf(block), block] as const))("%s", (_, block) => {
  if (block.notRun) {
    test.skip(`not run here: ${block.notRun}`, () => undefined);
    return;
  }
  test("prints what the page shows", () => {
    const dir = userFolder();
    const shown: string[] = [];
    const printed: string[] = [];
    for (const { command, output } of block.steps) {
      const { FORCE_COLOR: _, ...env } = process.env;
      const run = spawnSync("bash", ["-c", `${command} 2>&1`], {
        cwd: dir,
        encoding: "utf8",
        env: { ...env, PATH: `${path.join(dir, "node_modules/.bin")}:${env.PATH}`, NO_COLOR: "1" },
      });
      shown.push(`$ ${command}\n${output}`.trimEnd());
      printed.push(`$ ${command}\n${run.stdout.split(fs.realpathSync(dir)).join(".").split(dir).join(".")}`.trimEnd());
    }
    expect(printed.join("\n")).toBe(shown.join("\n"));
  });
});
