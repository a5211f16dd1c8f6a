import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
const mode = process.argv[2];
const root = process.argv[3];
const files = [];
(function walk(d){ for (const n of readdirSync(d)) { const p = path.join(d,n); const s = statSync(p); if (s.isDirectory()) walk(p); else if (n.endsWith('.lua')) files.push(p);} })(root);
const { lintText } = await import('/work/main/dist/index.js');
const luaparse = (await import('/work/main/node_modules/luaparse/luaparse.js')).default;
const t0 = performance.now();
let n = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  if (mode === 'parse') luaparse.parse(text, { luaVersion: '5.3', comments: true, ranges: true, locations: false, scope: false, encodingMode: 'none' });
  else n += lintText(text, { filePath: f }).messages.length;
}
const ru = process.resourceUsage();
console.log(mode, files.length, 'files', (performance.now()-t0).toFixed(0), 'ms wall', ((ru.userCPUTime+ru.systemCPUTime)/1000).toFixed(0), 'ms cpu', (ru.maxRSS/1024).toFixed(0), 'MB rss', n);
