// The order vitest starts test files in: longest first, so that the two workers end together instead of one running
// a long file alone at the end. Vitest keeps each file's last duration and orders by it; a clean clone (CI) has none,
// and vitest then orders by file size, which put the walk of every operation last. For those runs the slowest
// files' usual durations are written down here.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds the slowest files took in a clean-clone run on 2 cores (Node 20); a rough order is all that matters. */
const usualSeconds: Record<string, number> = {
  'test/package/consumer.test.ts': 60,
  'test/e2e/cli.test.ts': 45,
  'test/mock/stateful.test.ts': 26,
  'test/e2e/cli-hardening.test.ts': 22,
  'test/contract/mock-server.test.ts': 20,
  'test/contract/operations.test.ts': 19,
  'test/docs/docs.test.ts': 18,
  'test/e2e/jobs-as-code-cli.test.ts': 15,
  'test/e2e/start.test.ts': 13,
  'test/unit/spec-breaking.test.ts': 12,
  'test/contract/examples.test.ts': 10,
  'test/security/token-leak.test.ts': 10,
  'test/mock/violations.test.ts': 9,
  'test/mock/webhooks-and-scenarios.test.ts': 8,
};

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification): number => {
      const path = relative(this.ctx.config.root, file.moduleId).split('\\').join('/');
      const last = this.ctx.cache.getFileTestResults(`${file.project.name}:${path}`);
      return last ? last.duration / 1000 : (usualSeconds[path] ?? 0);
    };
    const ordered = await super.sort(files);
    // A stable sort: files of equal weight keep vitest's own order.
    return ordered
      .map((file) => ({ file, seconds: seconds(file) }))
      .sort((a, b) => b.seconds - a.seconds)
      .map(({ file }) => file);
  }
}
