// A faster way into Prism's router (prism-runner.ts hands it to Prism as its `route` component) that changes none of
// its answers.
export type Route = (args: {
  resources: Array<{ path: string }>;
  input: { url: { path: string; baseUrl?: string } };
}) => unknown;

/**
 * Prism's router, given only the operations whose path can match the request's: as many segments, and each segment
 * that is not a template equal to the request's (both decoded, as Prism compares them). Prism's router sorts every
 * operation by a score it works out again in each comparison, then splits and decodes both paths once per operation:
 * with the 250-odd operations of our spec, more than half of Prism's time on a poll. Prism finds no match in an
 * operation left out, and its sort is stable, so its answer is the same. When none is left, or a request names a
 * server (`__server`, which Prism checks against every operation), Prism gets them all, as before.
 */
export function narrowRoute(route: Route): Route {
  type Shape = { resource: { path: string }; segments: number; literals: Array<[number, string]> };
  const shapesOf = new WeakMap<object, Shape[]>();
  return (args) => {
    const { path, baseUrl } = args.input.url;
    if (baseUrl !== undefined || !path.startsWith('/')) return route(args);
    let shapes = shapesOf.get(args.resources);
    if (!shapes) {
      shapes = args.resources.map((resource) => {
        const parts = pathSegments(resource.path);
        const literals = parts.flatMap((part, index): Array<[number, string]> =>
          templated(part) ? [] : [[index, part]],
        );
        return { resource, segments: parts.length, literals };
      });
      shapesOf.set(args.resources, shapes);
    }
    const wanted = pathSegments(path);
    const candidates = shapes
      .filter((shape) => shape.segments === wanted.length && shape.literals.every(([at, text]) => wanted[at] === text))
      .map((shape) => shape.resource);
    return route(candidates.length > 0 ? { ...args, resources: candidates } : args);
  };
}

/** A path's segments as Prism's router reads them: split on `/`, each decoded where it decodes. */
function pathSegments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** Prism's own test for a segment holding a path parameter. */
const templated = (segment: string) => /{(.+)}/.test(segment);
