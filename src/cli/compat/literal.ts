// The list values dbt-cloud-cli takes (`--steps-override '["dbt seed", "dbt run"]'`, `--execute-steps "['dbt build']"`)
// are Python literals: a list or tuple of quoted strings, in single or double quotes, a trailing comma allowed. JSON
// arrays of strings are such literals too. This reads that much of the syntax, and nothing that could run.

const simpleEscapes: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
  '\n': '',
};

/** The strings of a list or tuple literal, or undefined when `text` is not one (or holds anything but strings). */
export function parsePythonList(text: string): string[] | undefined {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };

  const readString = (): string | undefined => {
    const quote = text[at];
    if (quote !== "'" && quote !== '"') return undefined;
    at++;
    let value = '';
    while (at < text.length) {
      const char = text[at++]!;
      if (char === quote) return value;
      if (char === '\n') return undefined;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const next = text[at++];
      if (next === undefined) return undefined;
      if (next in simpleEscapes) value += simpleEscapes[next];
      else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(at, at + length);
        if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) return undefined;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) return undefined;
        value += String.fromCodePoint(code);
        at += length;
      } else value += `\\${next}`; // Python keeps an unknown escape as written
    }
    return undefined;
  };

  skipSpace();
  const open = text[at];
  const close = open === '[' ? ']' : open === '(' ? ')' : undefined;
  if (close === undefined) return undefined;
  at++;
  const items: string[] = [];
  for (;;) {
    skipSpace();
    if (text[at] === close) {
      at++;
      break;
    }
    const item = readString();
    if (item === undefined) return undefined;
    items.push(item);
    skipSpace();
    if (text[at] === ',') {
      at++;
      continue;
    }
    if (text[at] !== close) return undefined;
    at++;
    break;
  }
  skipSpace();
  // A one-item tuple needs its comma in Python: `('dbt run')` is a string, not a tuple.
  if (open === '(' && items.length === 1 && !/,\s*\)\s*$/.test(text)) return undefined;
  return at === text.length ? items : undefined;
}
