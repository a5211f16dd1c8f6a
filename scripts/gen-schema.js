// Writes schema/patchlint.schema.json from the rule registry (run after changing a rule's
// options: `node scripts/gen-schema.js`; test/config/schema.test.ts fails when it is stale).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-schema-'));
try {
  const entry = path.join(dir, 'schema.mjs');
  await build({
    stdin: {
      contents: "import { rules } from './rules/index.ts'; import { configJsonSchema } from './src/config/json-schema.ts'; export default configJsonSchema(rules);",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, format: 'esm', platform: 'node', outfile: entry, logLevel: 'warning',
  });
  const { default: schema } = await import(pathToFileURL(entry).href);
  writeFileSync(path.join(root, 'schema', 'patchlint.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
