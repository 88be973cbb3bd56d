export { addBurnDragonKeywords, EDITOR_KEYWORDS } from "./keywords";
