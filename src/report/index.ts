export { issueRange, keyKind } from "./issue-range";
export { applyFixes, fixOf, type Fix } from "./fix";
export { codeFrame } from "./frame";
export { configFixes, fixRounds, type FileFixes } from "./config-fixes";
