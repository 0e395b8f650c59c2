#!/usr/bin/env node
// Validates SARIF logs against the SARIF 2.1.0 JSON schema, with Ajv.
//
//   node validate-sarif.js FILE.sarif...
//
// The schema is the one Microsoft's SARIF SDK ships in @microsoft/jest-sarif
// (sarif-2.1.0-rtm.5.json, a JSON Schema draft-04 document, hence Ajv's
// draft-04 class); formats (uri, uri-reference, date-time) are checked too.
// Both come from node_modules/ next to this file, installed by `npm ci`
// (tools/setup.sh does it). Exits 1 and prints Ajv's errors when a log is
// not valid.
'use strict';
const fs = require('fs');
const path = require('path');

function load(name) {
  try {
    return require(name);
  } catch (e) {
    console.error(`validate-sarif: cannot load ${name} (${e.code}); run ` +
                  `'npm ci' in ${__dirname} (tools/setup.sh does it)`);
    process.exit(2);
  }
}

const Ajv = load('ajv-draft-04');
const addFormats = load('ajv-formats');
load('@microsoft/jest-sarif/package.json');
const schemaFile = path.join(
  path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));

// Two settings for the schema itself, not the logs: its pattern for
// `language` has a stray ']', valid in an ECMA-262 regular expression only
// without the 'u' flag; and Ajv's strict mode rejects some of its `required`
// lists (strictRequired), which the JSON Schema draft allows.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false});
addFormats(ajv);
const validate = ajv.compile(schema);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: validate-sarif.js FILE.sarif...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    console.log(`${file}: valid SARIF 2.1.0`);
    continue;
  }
  failed++;
  console.log(`${file}: NOT valid SARIF 2.1.0`);
  for (const error of validate.errors) {
    console.log(`  ${error.instancePath || '/'} ${error.message} ` +
                JSON.stringify(error.params));
  }
}
process.exit(failed ? 1 : 0);
