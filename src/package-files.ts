// Node only: where the files shipped with this package (the bundled spec, the JSON Schemas) are on this machine,
// from the source tree (tests, tsx) or from dist/ (an installed package).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's own folder: the first one up from this module that holds `generated/openapi.yaml`. */
function packageRoot(): string {
  if (root) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  for (let up = 0; up < 5 && !root; up++, dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'generated', 'openapi.yaml'))) root = dir;
  }
  return (root ??= resolve(here, '..'));
}

/** The path of a file shipped with the package, e.g. `packageFile('schemas', 'jobs.schema.json')`. */
export function packageFile(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
