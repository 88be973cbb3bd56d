#!/usr/bin/env node
"use strict";
process.exitCode = require("../dist/cli/main.js").main(process.argv.slice(2));
