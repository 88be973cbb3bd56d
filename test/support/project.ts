import * as path from "node:path";

/** The project's root folder: every path a test reads or runs starts here, wherever the test stands. */
export const PROJECT = path.resolve(__dirname, "../..");

/** The data the tests read, copied into the project: vectors, toml-test, upstream configs. */
export const FIXTURES = path.join(PROJECT, "test/fixtures");
