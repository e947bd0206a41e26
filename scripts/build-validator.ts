// npm run build:validator: compiles report.schema.json into a standalone validator module, so that
// the app checks imports without ajv at run time and without eval (the page's CSP forbids it).
// A unit test (R9.6) fails when the committed module is not the schema's.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { standaloneValidator } from './validatorSource';

const target = fileURLToPath(new URL('../src/core/export/validateReport.js', import.meta.url));
writeFileSync(target, standaloneValidator());
console.error(`wrote ${target}`);
