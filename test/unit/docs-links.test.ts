// The user documentation links into itself: every relative link in README.md, CONTRIBUTING.md and docs/*.md names a
// file that exists and, after `#`, a heading that file has.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const pages = [
  join(root, 'README.md'),
  join(root, 'CONTRIBUTING.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
];

/** Text outside fenced code blocks, where a `[x](y)` is a link. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens kept), spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = prose(readFileSync(file, 'utf8'))
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => slug(line.replace(/^#+ /, '')));
  return new Set(headings);
}

describe('documentation links', () => {
  const links = pages.flatMap((page) =>
    [...prose(readFileSync(page, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .map((target) => [relative(root, page), target] as const),
  );

  it('finds the links it checks', () => {
    expect(links.length).toBeGreaterThan(20);
  });

  it.each(links)('%s → %s', (page, target) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path ? resolve(dirname(join(root, page)), path) : join(root, page);
    // docs/index.html is built by `npm run docs`, not committed.
    if (!file.endsWith(join('docs', 'index.html'))) expect(existsSync(file), `${file} exists`).toBe(true);
    if (anchor) expect([...anchorsOf(file)], `#${anchor} in ${relative(root, file)}`).toContain(anchor);
  });
});
