// Which output files of an esbuild build with code splitting an import of one entry evaluates: its own chunk and the
// chunks it imports statically, not those it loads later with import(). Used by the main-entry test and the bench.
import type { Metafile } from 'esbuild';

export function chunksLoadedOnImport(metafile: Metafile, entryPoint: string): Set<string> {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entryPoint);
  if (entry === undefined) throw new Error(`no output has the entry point ${entryPoint}`);
  const loaded = new Set<string>();
  const visit = (name: string) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const link of outputs[name]!.imports) {
      if (link.kind === 'import-statement' && outputs[link.path]) visit(link.path);
    }
  };
  visit(entry);
  return loaded;
}
