import { addBurnDragonKeywords } from "./keywords";

/** `burn-dragon-schema/ajv-keywords`: the module ajv-cli's `-c` loads, a function of an Ajv instance. */
export = addBurnDragonKeywords;
