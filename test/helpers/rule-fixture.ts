// Lints fixtures/rules/<id>.lua with the recommended preset, as a user would, and checks
// that the rule reports exactly the lines marked `-- reports: <id>` in the fixture (and the
// lines the test lists), plus a snapshot of every message users would read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintText } from '../../src/index.js';

export function markedLines(text: string, ruleId: string): number[] {
  const marker = new RegExp(`--\\s*reports:[^\\n]*\\b${ruleId}\\b`);
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (marker.test(line)) lines.push(i + 1);
  });
  return lines;
}

export function ruleFixture(ruleId: string, expectedLines: number[]): void {
  describe(`fixtures/rules/${ruleId}.lua`, () => {
    const path = `fixtures/rules/${ruleId}.lua`;
    const text = readFileSync(path, 'utf8');
    const result = lintText(text, { filePath: path, config: presetConfig('recommended') });

    it('has no fatal message', () => expect(result.messages.filter((m) => m.fatal)).toEqual([]));
    it(`reports ${ruleId} on exactly the marked lines`, () => {
      expect(markedLines(text, ruleId)).toEqual([...new Set(expectedLines)]);
      expect(result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.line)).toEqual(expectedLines);
    });
    it('matches the snapshot of all messages', () => {
      expect(result.messages.map(({ ruleId: id, line, column, message }) => ({ ruleId: id, line, column, message }))).toMatchSnapshot();
    });
  });
}
