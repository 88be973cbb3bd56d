/** The language server's bench runs: a few edits, timed by the server, told with the bound's verdict (the bound itself is `npm run bench`'s). */
process.env.BENCH_LSP_EDITS = "8";
import { lspDidChange } from "../../bench/lsp";

test("the bench of an edit in a four-file chain gives the server's times and the verdict on them", async () => {
  const timing = await lspDidChange();
  expect(timing.edits).toBe(8);
  expect(timing.medianMs).toBeGreaterThan(0);
  expect(timing.p90Ms).toBeGreaterThanOrEqual(timing.medianMs);
  expect(timing.pass).toBe(timing.medianMs <= timing.boundMs);
});
