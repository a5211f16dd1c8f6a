// Issue 18, item 4: a file past the size limit gets one warning instead of a parse that could
// take minutes and gigabytes or end the run out of memory, in every face (files, --stdin, the
// language server and the API all lint through lintFile).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { presetConfig } from '../../src/config/presets.js';
import { runCli } from '../helpers/run-cli.js';

const notLinted = (what: string) => ({
  ruleId: null, severity: 1, line: 1, column: 1,
  message: `File not linted: ${what} (--max-file-size). Files this large are generated data, not process code; raise the limit to lint it anyway.`,
});

describe('the file size limit', () => {
  it('a text over the default 8 MB: one warning, nothing parsed', () => {
    const text = 'x = 1\n'.repeat(1_500_000); // 9 MB
    const result = lintText(text, { filePath: 'big.lua' });
    expect(result.messages).toEqual([notLinted('its 8.6 MB are over the 8 MB limit')]);
    expect(result.errorCount).toBe(0);
  });

  it('counts UTF-8 bytes: 3 MB of three-byte characters are 9 MB', () => {
    const text = `-- ${'\u4e2d'.repeat(3_000_000)}\n`;
    expect(lintText(text, { filePath: 'big.lua' }).messages).toEqual([notLinted('its 8.6 MB are over the 8 MB limit')]);
  });

  it('a lower limit from the config (the CLI sets it from --max-file-size)', () => {
    const config = { ...presetConfig('recommended'), maxFileSize: 100 };
    expect(lintText('x = 1\n'.repeat(20), { filePath: 'a.lua', config }).messages).toEqual([notLinted('its 120 bytes are over the 100 bytes limit')]);
    expect(lintText('x = 1\n', { filePath: 'a.lua', config }).messages).toEqual([]);
  });

  it('--max-file-size on the command line, with --stdin too', () => {
    const input = 'x = 1\n'.repeat(400);
    const run = runCli(['--stdin', '--max-file-size', '1KB', '-f', 'json'], { input });
    expect((JSON.parse(run.stdout) as { messages: unknown[] }[])[0]!.messages).toEqual([notLinted('its 2 KB are over the 1 KB limit')]);
    expect(run.status).toBe(0);
  });

  it('a size that is no size is a usage error', () => {
    const run = runCli(['--max-file-size', '1XB', 'fixtures/examples']);
    expect(run.stderr).toBe('patchlint: --max-file-size: expected a size such as 500000, 512KB or 20MB (got "1XB")\n');
    expect(run.status).toBe(2);
  });
});
