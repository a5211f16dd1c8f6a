// Whole process scripts in the idioms of the issue: what a user sees for each, exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('whole processes', () => {
  it('a correct token process (wrappers, built-later messages, guarded sync, goto, //) is clean in both styles', () => {
    const code = fixture('token-correct.lua');
    expect(lint(code)).toEqual([]);
    expect(lint(code, 'direct-keys')).toEqual([]);
  });

  it('an ANT-style direct-keys process with a shadowing Send is clean in the direct-keys style', () => {
    const code = fixture('direct-keys-ant.lua');
    expect(lint(code, 'direct-keys')).toEqual([]);
    // In the cache style, only the message whose keys are all known is missing its cache.
    expect(lint(code)).toEqual(['require-cache 29:8-29:53']);
  });

  it('a process with one mistake of each kind reports each once, where it is written', () => {
    expect(lint(fixture('token-mistakes.lua'))).toMatchInlineSnapshot(`
      [
        "lowercase-key 12:11-12:22",
        "lowercase-key 13:11-13:17",
        "empty-table-value 15:11-15:18",
        "guard-top-level-sync 19:1-19:10",
        "guard-top-level-sync 23:3-23:23",
        "reserved-key 23:13-23:19",
        "lowercase-key 28:13-28:20",
        "number-precision 28:22-28:26",
        "duplicate-key-case 29:13-29:20",
        "private-key 30:13-30:23",
        "unaddressable-key 31:13-31:18",
        "number-precision 32:20-32:38",
        "unencodable-value 33:19-33:33",
        "unencodable-value 34:20-34:23",
        "device-name 35:19-35:28",
        "require-cache 36:32-36:37",
        "unencodable-value 37:42-37:46",
        "unencodable-value 37:66-37:72",
        "nil-value 37:101-37:105",
      ]
    `);
  });

  it('nested state synced by file-local functions', () => {
    expect(lint(fixture('nested-state.lua'))).toMatchInlineSnapshot(`
      [
        "serialize-complex-value 12:7-12:14",
        "serialize-complex-value 28:42-28:49",
        "guard-top-level-sync 46:3-46:12",
        "unencodable-value 53:61-53:66",
        "number-precision 53:82-53:85",
      ]
    `);
  });
});
