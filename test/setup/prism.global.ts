// Vitest global setup: one Prism for the whole run, on a free port, stopped at the end. It serves the spec's
// examples (static mode): the contract tests check the spec and its examples; test/mock/ starts stateful mocks.
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/node.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer({ static: true });
  project.provide('prismUrl', mock.url);
  return async () => {
    await mock.stop();
  };
}
