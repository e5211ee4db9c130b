// The test projects, one folder each: a project has the global setup its tests need and no other, and vitest runs a
// project's setup only when one of its files runs (so `npx vitest run test/unit/options.test.ts` starts nothing).
//   unit      in-process: scripted fetch, loopback servers, the mock's engine without Prism; no global setup
//   contract  the client and the spec against Prism (one static Prism for the run)
//   mock      startMockServer: the engine behind Prism, the front door, the launcher (and the CLI against it)
//   e2e       the built `dbt-cloud` CLI and the repository's scripts, run as processes
//   package   the packed tarball installed in a fresh project, the main entry's bundle, the API reference page
//   runtimes  the smoke program on Node 22 and 24, Deno, Bun, workerd and Chromium (npm run test:node24 runs it)
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Vitest orders projects by name; this starts the projects whose files wait longest on processes (packing and
 * installing the package, the CLI, Prism) first, so that the many short unit files fill the end of the run instead of
 * one long file holding it up. Within a project vitest's own order stays (longest or largest first).
 */
const projectOrder = ['package', 'e2e', 'mock', 'contract', 'unit', 'runtimes'];
class LongestProjectsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => projectOrder.indexOf(file.project.name);
    return (await super.sort(files))
      .map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

const prism = 'test/setup/prism.global.ts';
const cliBuild = 'test/setup/cli-build.global.ts';

const project = (name: string, globalSetup: string[] = []) => ({
  extends: true as const,
  test: { name, include: [`test/${name}/**/*.test.ts`], globalSetup },
});

export default defineConfig({
  test: {
    // Many files wait on child processes (the CLI, Prism, npm) and sockets: three workers keep two cores busy, where two
    // left about a seventh of them idle.
    maxWorkers: 3,
    // The test files share their worker's module cache: no test stubs a module or a global, and loading the sources,
    // ajv and the spec again for every file was a third of the unit project's CPU time.
    isolate: false,
    sequence: { sequencer: LongestProjectsFirst },
    // Limits that only catch a hang, the same for every test and hook: a loaded 2-core machine runs a slow test (a CLI
    // process, a Prism start, a type check) several times slower than an idle one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      project('unit'),
      project('contract', [prism]),
      project('mock', [prism, cliBuild]),
      project('e2e', [prism, cliBuild]),
      project('package', [prism]),
      project('runtimes'),
    ],
  },
});
