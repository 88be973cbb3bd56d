import { wantsColour } from "../../dist/report";

/** When the text report is coloured: as asked, else by NO_COLOR, FORCE_COLOR and whether it goes to a terminal. */
test.each([
  ["always", {}, false, true],
  ["never", { FORCE_COLOR: "1" }, true, false],
  ["auto", {}, true, true],
  ["auto", {}, false, false],
  ["auto", { NO_COLOR: "1" }, true, false],
  ["auto", { NO_COLOR: "" }, true, true],
  ["auto", { NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
  ["auto", { FORCE_COLOR: "1" }, false, true],
  ["auto", { FORCE_COLOR: "0" }, true, false],
  ["always", { NO_COLOR: "1" }, false, true],
] as const)("--color %s with %j, terminal %s: %s", (choice, env, terminal, expected) => {
  expect(wantsColour(choice, env as NodeJS.ProcessEnv, terminal)).toBe(expected);
});
