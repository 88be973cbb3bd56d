import * as fs from "node:fs";
import * as path from "node:path";
import { configFilesIn, configFilesOf } from "../../dist/files/config-files";
import { FileProblem } from "../../dist/files/file-problem";
import { tempDir } from "../support/temp-dir";

/** Files the walker takes: each config extension, in folders at several depths, a hidden file among them. */
const TAKEN = ["a.toml", "b.json", "c.yaml", "d.yml", "UPPER.TOML", ".hidden-file.toml", "sub/e.toml", "sub/deep/f.json", "z/g.yaml"];
/** Files it leaves: other extensions, and configs inside hidden folders and node_modules. */
const LEFT = ["notes.txt", "toml", "a.toml.bak", ".git/config.toml", ".venv/lib/x.toml", "node_modules/pkg/package.json", "sub/node_modules/y.toml", "sub/.cache/z.yml"];

describe("the configs below a folder", () => {
  const dir = tempDir(Object.fromEntries([...TAKEN, ...LEFT].map((name) => [name, ""])));
  // A link back up the tree would loop if it were followed; a link to a file is the file.
  fs.symlinkSync("..", path.join(dir, "sub/up"));
  fs.symlinkSync(path.join(dir, "sub"), path.join(dir, "sub-link"));
  fs.symlinkSync("a.toml", path.join(dir, "linked.toml"));
  fs.symlinkSync("absent.toml", path.join(dir, "dangling.toml"));
  const taken = [...TAKEN, "linked.toml"];

  test("are every config file, sorted, none from hidden folders, node_modules or linked folders", () => {
    const found = configFilesIn(dir).map((file) => path.relative(dir, file));
    expect(new Set(found)).toEqual(new Set(taken));
    expect(found).toEqual([...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test("are named by the folder as given, joined with their path below it", () => {
    const relative = path.relative(process.cwd(), dir);
    expect(configFilesIn(`${relative}/`)).toEqual(configFilesIn(dir).map((file) => path.join(relative, path.relative(dir, file))));
  });

  test("an argument: a folder its configs, a file or a missing path itself", () => {
    expect(configFilesOf(dir)).toEqual(configFilesIn(dir));
    expect(configFilesOf(path.join(dir, "notes.txt"))).toEqual([path.join(dir, "notes.txt")]);
    expect(configFilesOf(path.join(dir, "absent"))).toEqual([path.join(dir, "absent")]);
  });

  test("a folder without configs is a problem that says so", () => {
    const empty = tempDir({ "notes.txt": "", ".git/config.toml": "", "node_modules/x.toml": "" });
    let problem: unknown;
    try {
      configFilesOf(empty);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(FileProblem);
    expect(problem).toMatchObject({ file: empty, message: expect.stringMatching(/^no config files below this folder \(none ends in \.toml, \.json, \.yaml, \.yml\)$/) });
  });

  // Node's own glob matcher, from Node 20.17 on, is the reference for the patterns.
  const matchesGlob = (path as unknown as { matchesGlob?: (file: string, pattern: string) => boolean }).matchesGlob;
  const patterns = ["**/*.toml", "sub/*.json", "sub/*/*.json", "*.{yaml,yml}", "sub/**", "z/?.yaml", "sub/**/*.json", "*/*.y*ml", "[ab].*"];
  (matchesGlob ? test : test.skip)(
    `a quoted glob: the configs below its folder that it matches, as Node's path.matchesGlob matches them${matchesGlob ? "" : " (skipped: this Node has no path.matchesGlob)"}`,
    () => {
      let matching = 0;
      for (const pattern of patterns) {
        const absolute = path.join(dir, pattern);
        const expected = configFilesIn(dir).filter((file) => matchesGlob!(file, absolute));
        if (expected.length > 0) matching++;
        const found = (() => {
          try {
            return configFilesOf(absolute);
          } catch (error) {
            return (error as Error).message;
          }
        })();
        expect({ pattern, found }).toEqual({ pattern, found: expected.length > 0 ? expected : expect.stringMatching(/^no config files match this pattern/) });
      }
      // Most patterns match something, or the comparison says little.
      expect(matching).toBeGreaterThan(patterns.length / 2);
    },
  );

  test("a glob that matches no config is a problem that says so", () => {
    for (const pattern of ["*.txt", "absent/*.toml", "**/nothing.json"]) {
      expect(() => configFilesOf(path.join(dir, pattern))).toThrow(/^no config files match this pattern/);
    }
  });
});
