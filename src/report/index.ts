export { issueRange, keyKind } from "./issue-range";
export { fixOf, type Fix } from "./fix";
export { codeFrame } from "./frame";
