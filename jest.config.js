/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/support/skip-reporter.js"],
};
