// The CLI's output helpers in-process: progress on a terminal and in CI logs (on a fake clock), the text
// cleaning and the bounded copy used for error bodies.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '../../src/index.js';
import { bounded, createOutput, progressReporter, sanitize } from '../../src/cli/output.js';

/** A stream that records what is written, as a terminal (isTTY) or a pipe. */
function recorder(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

const running = { id: 7, status: 3, status_humanized: 'Running', run_steps: [] } as unknown as Run;

describe('progress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('on a terminal, redraws the line in place every second so the elapsed time moves', () => {
    const { stream, written } = recorder(true);
    const progress = progressReporter(createOutput(false), { stream, heartbeatMs: 60_000 });
    progress.update(running);
    expect(written).toEqual(['\r\x1b[2Krun 7: Running · 0s']);
    vi.advanceTimersByTime(2_000);
    expect(written.slice(1)).toEqual(['\r\x1b[2Krun 7: Running · 1s', '\r\x1b[2Krun 7: Running · 2s']);
    progress.done();
    vi.advanceTimersByTime(5_000);
    expect(written.at(-1)).toBe('\n');
  });

  it('in CI logs, prints on change and repeats the line after each minute of silence', () => {
    const { stream, written } = recorder(false);
    const progress = progressReporter(createOutput(false), { stream, heartbeatMs: 60_000 });
    progress.update(running);
    vi.advanceTimersByTime(59_000);
    expect(written).toEqual(['run 7: Running · 0s\n']);
    vi.advanceTimersByTime(1_000);
    expect(written.at(-1)).toBe('run 7: Running · 1m 00s\n');
    // A change restarts the minute.
    vi.advanceTimersByTime(30_000);
    progress.update({ ...running, status_humanized: 'Starting' });
    vi.advanceTimersByTime(59_000);
    expect(written).toHaveLength(3);
    vi.advanceTimersByTime(1_000);
    expect(written).toHaveLength(4);
    progress.done();
    vi.advanceTimersByTime(600_000);
    expect(written).toHaveLength(4);
  });

  it('prints nothing in --json mode', () => {
    const { stream, written } = recorder(false);
    const progress = progressReporter(createOutput(true), { stream, heartbeatMs: 1_000 });
    progress.update(running);
    vi.advanceTimersByTime(10_000);
    expect(written).toEqual([]);
  });
});

describe('sanitize', () => {
  it('drops CSI and OSC sequences, C1 controls, \\r and bidi overrides, and keeps newlines and tabs', () => {
    expect(
      sanitize('a\x1b[31mred\x1b[0m\x1b]0;title with spaces\x07b\x1b]8;;https://x\x1b\\c\rd\x9b2Je\u202ef\n\tg'),
    ).toBe('aredbcdef\n\tg');
  });
});

describe('bounded', () => {
  it('cuts deep nesting, long lists and long strings, and survives cycles', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const copy = bounded({ deep, list: Array.from({ length: 500 }, (_, i) => i), text: 'x'.repeat(10_000), cyclic });
    const text = JSON.stringify(copy);
    expect(text.length).toBeLessThan(10_000);
    expect(text).toContain('[…]');
    expect(text).toContain('… 400 more items');
    expect(text).toContain('(6000 more characters)');
    expect(text).toContain('[circular]');
  });
});
