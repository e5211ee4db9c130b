// Vitest global setup: one Prism for the whole run, on a free port, stopped at the end.
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/mock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer();
  project.provide('prismUrl', mock.url);
  return async () => {
    await mock.stop();
  };
}
