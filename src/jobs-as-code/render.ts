// A Jinja interpreter for jobs files. Files are untrusted (anyone who opens a pull request writes them), so templates
// are interpreted over plain data, never compiled to JavaScript: a value is a string, number, boolean, None, list or
// dict built from the vars, and the only things a template can call are the filters, tests, `range` and the few
// string and dict methods written below. No name, attribute or call reaches a JavaScript object, prototype or function.
//
// What it renders is what dbt-jobs-as-code's users write (Jinja2 defaults, StrictUndefined): `{{ expressions }}` with
// variables, literals, `.attr` and `[key]`, arithmetic, `~`, comparisons, `and/or/not`, `in`, `x if c else y`, filters
// and `is` tests; `{% if %}`, `{% for %}` (with `loop`), `{% set %}`, `{% raw %}`, `{# comments #}` and `-` whitespace
// control. Output is as Jinja2 prints Python values (`True`, `None`, `['a', 1]`). Anything else is refused by name.
// Work is bounded: output size, loop steps and nesting all have limits, so a file cannot hang or exhaust a CI runner.

export interface RenderLimits {
  /** Largest output, in characters. Default 10,000,000. */
  maxOutput?: number;
  /** Most evaluation steps (expressions, loop iterations). Default 2,000,000. */
  maxSteps?: number;
}

/** A template that cannot be rendered: bad syntax, a variable with no value, or a forbidden construct. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** The variable that had no value, when that is the reason. */
    readonly undefinedName?: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

// ---- values ----

type Value = string | number | boolean | null | Undefined | Value[] | Dict | Callable;
type Dict = Map<string | number | boolean | null, Value>;

// Lists that Python would hold as tuples (`(1, 2)`, a dict's items): they print as tuples.
const tuples = new WeakSet<Value[]>();
const tuple = (items: Value[]) => {
  tuples.add(items);
  return items;
};

class Undefined {
  constructor(readonly hint: string) {}
}
/** Something a template may call: a global, a filter-like method bound to its value. Never a JavaScript function. */
class Callable {
  constructor(
    readonly label: string,
    readonly call: (args: Value[], kwargs: Map<string, Value>, at: Node) => Value,
  ) {}
}

const maxDepth = 100;
const maxRange = 100_000;

/** Vars as template values: objects become dicts, arrays lists; functions and class instances are refused. */
export function toTemplateValue(value: unknown, path = 'vars', depth = 0): Value {
  if (depth > maxDepth) throw new TypeError(`${path} nests deeper than ${maxDepth} levels`);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item, i) => toTemplateValue(item, `${path}[${i}]`, depth + 1));
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`${path} must be plain data`);
    const dict: Dict = new Map();
    for (const [key, item] of Object.entries(value)) dict.set(key, toTemplateValue(item, `${path}.${key}`, depth + 1));
    return dict;
  }
  throw new TypeError(`${path} must be plain data, not a ${typeof value}`);
}

// ---- lexer ----

interface Token {
  kind: 'name' | 'string' | 'number' | 'op' | 'end';
  text: string;
  value?: string | number;
  at: number;
}

type Piece =
  | { kind: 'text'; text: string; at: number }
  | { kind: 'output'; tokens: Token[]; at: number }
  | { kind: 'tag'; tokens: Token[]; at: number };

// Longest first, so that `**` is read before `*`.
const operators = '** // == != <= >= + - * / % ~ < > = ( ) [ ] { } , . : |'.split(' ');
const isNameStart = (c: string) => /[A-Za-z_]/.test(c);
const isNamePart = (c: string) => /[A-Za-z0-9_]/.test(c);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

class Source {
  private readonly lineStarts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }
  position(at: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.lineStarts[low]! + 1 };
  }
  fail(reason: string, at: number, undefinedName?: string): never {
    const { line, column } = this.position(at);
    throw new TemplateError(reason, line, column, undefinedName);
  }
}

function lex(source: Source): Piece[] {
  const text = source.text;
  const pieces: Piece[] = [];
  let pos = 0;
  let stripNext = false;
  const pushText = (from: number, to: number, stripEnd: boolean) => {
    let start = from;
    let end = to;
    if (stripNext) while (start < end && isSpace(text[start])) start++;
    if (stripEnd) while (end > start && isSpace(text[end - 1])) end--;
    stripNext = false;
    if (end > start) pieces.push({ kind: 'text', text: text.slice(start, end), at: start });
  };
  while (pos < text.length) {
    const open = nextOpening(text, pos);
    if (open === -1) {
      pushText(pos, text.length, false);
      break;
    }
    const kind = text[open + 1]!;
    const stripBefore = text[open + 2] === '-';
    pushText(pos, open, stripBefore);
    let inner = open + 2 + (stripBefore || text[open + 2] === '+' ? 1 : 0);
    if (kind === '#') {
      const close = text.indexOf('#}', inner);
      if (close === -1) source.fail('a comment is not closed with #}', open);
      stripNext = text[close - 1] === '-';
      pos = close + 2;
      continue;
    }
    const closer = kind === '{' ? '}}' : '%}';
    const { tokens, end, stripAfter } = lexTag(source, inner, closer, open);
    pos = end;
    stripNext = stripAfter;
    if (kind === '{') {
      pieces.push({ kind: 'output', tokens, at: open });
      continue;
    }
    if (tokens[0]?.kind === 'name' && tokens[0].text === 'raw') {
      if (tokens.length > 2) source.fail('{% raw %} takes nothing after it', open);
      const endRaw = findEndRaw(text, pos);
      if (!endRaw) source.fail('{% raw %} is not closed with {% endraw %}', open);
      inner = pos;
      pushText(inner, endRaw.start, endRaw.stripBefore);
      pos = endRaw.end;
      stripNext = endRaw.stripAfter;
      continue;
    }
    pieces.push({ kind: 'tag', tokens, at: open });
  }
  return pieces;
}

function nextOpening(text: string, from: number): number {
  let at = text.indexOf('{', from);
  while (at !== -1) {
    const next = text[at + 1];
    if (next === '{' || next === '%' || next === '#') return at;
    at = text.indexOf('{', at + 1);
  }
  return -1;
}

function findEndRaw(text: string, from: number) {
  let at = text.indexOf('{%', from);
  while (at !== -1) {
    let i = at + 2;
    const stripBefore = text[i] === '-';
    if (stripBefore || text[i] === '+') i++;
    while (isSpace(text[i])) i++;
    if (text.startsWith('endraw', i) && !isNamePart(text[i + 6] ?? '')) {
      i += 6;
      while (isSpace(text[i])) i++;
      const stripAfter = text[i] === '-';
      if (stripAfter) i++;
      if (text.startsWith('%}', i)) return { start: at, end: i + 2, stripBefore, stripAfter };
    }
    at = text.indexOf('{%', at + 2);
  }
  return undefined;
}

function lexTag(source: Source, from: number, closer: string, open: number) {
  const text = source.text;
  const tokens: Token[] = [];
  let i = from;
  const depthLimit = 1000;
  while (true) {
    while (isSpace(text[i])) i++;
    if (i >= text.length) source.fail(`a tag is not closed with ${closer}`, open);
    if (text[i] === '-' && text.startsWith(closer, i + 1)) {
      tokens.push({ kind: 'end', text: closer, at: i });
      return { tokens, end: i + 1 + closer.length, stripAfter: true };
    }
    if (text.startsWith(closer, i)) {
      tokens.push({ kind: 'end', text: closer, at: i });
      return { tokens, end: i + closer.length, stripAfter: false };
    }
    if (tokens.length > depthLimit * 10) source.fail('a tag holds too many tokens', open);
    const c = text[i]!;
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < text.length && isNamePart(text[j]!)) j++;
      tokens.push({ kind: 'name', text: text.slice(i, j), at: i });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i;
      while (j < text.length && /[0-9_]/.test(text[j]!)) j++;
      if (text[j] === '.' && /[0-9]/.test(text[j + 1] ?? '')) {
        j++;
        while (j < text.length && /[0-9_]/.test(text[j]!)) j++;
      }
      if ((text[j] === 'e' || text[j] === 'E') && /[-+0-9]/.test(text[j + 1] ?? '')) {
        j += 2;
        while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      }
      const literal = text.slice(i, j);
      tokens.push({ kind: 'number', text: literal, value: Number(literal.replaceAll('_', '')), at: i });
      i = j;
    } else if (c === '"' || c === "'") {
      const { value, end } = readString(source, i);
      tokens.push({ kind: 'string', text: text.slice(i, end), value, at: i });
      i = end;
    } else {
      const op = operators.find((candidate) => text.startsWith(candidate, i));
      if (!op) source.fail(`unexpected character ${JSON.stringify(c)}`, i);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function readString(source: Source, start: number): { value: string; end: number } {
  const text = source.text;
  const quote = text[start]!;
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { value: out, end: i + 1 };
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      out += escapes[next] ?? `\\${next}`;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return source.fail('a string is not closed', start);
}

// ---- parser ----

type Node =
  | { type: 'literal'; value: Value; at: number }
  | { type: 'name'; name: string; at: number }
  | { type: 'list'; items: Node[]; tuple?: boolean; at: number }
  | { type: 'dict'; entries: Array<[Node, Node]>; at: number }
  | { type: 'attr'; object: Node; name: string | number; at: number }
  | { type: 'item'; object: Node; key: Node; at: number }
  | { type: 'call'; callee: Node; args: Node[]; kwargs: Array<[string, Node]>; at: number }
  | { type: 'filter'; value: Node; name: string; args: Node[]; kwargs: Array<[string, Node]>; at: number }
  | { type: 'test'; value: Node; name: string; args: Node[]; negated: boolean; at: number }
  | { type: 'unary'; op: string; operand: Node; at: number }
  | { type: 'binary'; op: string; left: Node; right: Node; at: number }
  | { type: 'and' | 'or'; left: Node; right: Node; at: number }
  | { type: 'compare'; first: Node; rest: Array<[string, Node]>; at: number }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node | undefined; at: number };

type Statement =
  | { type: 'text'; text: string }
  | { type: 'output'; expr: Node }
  | { type: 'if'; branches: Array<[Node, Statement[]]>; otherwise: Statement[] }
  | {
      type: 'for';
      targets: string[];
      iter: Node;
      condition: Node | undefined;
      body: Statement[];
      otherwise: Statement[];
      at: number;
    }
  | { type: 'set'; targets: string[]; value: Node; at: number }
  | { type: 'setBlock'; target: string; body: Statement[] };

const refusedTags = new Set(
  'macro call include import from extends block filter with autoescape do break continue'.split(' '),
);

class ExpressionParser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly source: Source,
    private readonly tokens: Token[],
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  next(): Token {
    return this.tokens[Math.min(this.i++, this.tokens.length - 1)]!;
  }
  isOp(text: string, offset = 0) {
    const token = this.peek(offset);
    return token.kind === 'op' && token.text === text;
  }
  isName(text: string, offset = 0) {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text === text;
  }
  expectOp(text: string) {
    const token = this.next();
    if (token.kind !== 'op' || token.text !== text) this.fail(`expected ${text}`, token);
  }
  expectName(text?: string): string {
    const token = this.next();
    if (token.kind !== 'name' || (text !== undefined && token.text !== text))
      this.fail(text ? `expected ${text}` : 'expected a name', token);
    return token.text;
  }
  atEnd() {
    return this.peek().kind === 'end';
  }
  expectEnd() {
    if (!this.atEnd()) this.fail('unexpected text at the end of the tag', this.peek());
  }
  fail(reason: string, token: Token): never {
    const shown = token.kind === 'end' ? 'the end of the tag' : JSON.stringify(token.text);
    return this.source.fail(`${reason}, found ${shown}`, token.at);
  }

  expression(allowConditional = true): Node {
    if (++this.depth > maxDepth) this.source.fail(`expressions nest deeper than ${maxDepth} levels`, this.peek().at);
    try {
      const value = this.or();
      if (allowConditional && this.isName('if')) {
        const at = this.next().at;
        const test = this.or();
        let otherwise: Node | undefined;
        if (this.isName('else')) {
          this.next();
          otherwise = this.expression();
        }
        return { type: 'conditional', test, then: value, otherwise, at };
      }
      return value;
    } finally {
      this.depth--;
    }
  }
  or(): Node {
    let left = this.and();
    while (this.isName('or')) {
      const at = this.next().at;
      left = { type: 'or', left, right: this.and(), at };
    }
    return left;
  }
  and(): Node {
    let left = this.not();
    while (this.isName('and')) {
      const at = this.next().at;
      left = { type: 'and', left, right: this.not(), at };
    }
    return left;
  }
  not(): Node {
    if (this.isName('not')) {
      const at = this.next().at;
      return { type: 'unary', op: 'not', operand: this.not(), at };
    }
    return this.compare();
  }
  compare(): Node {
    const first = this.math1();
    const rest: Array<[string, Node]> = [];
    while (true) {
      const token = this.peek();
      if (token.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(token.text)) {
        this.next();
        rest.push([token.text, this.math1()]);
      } else if (this.isName('in')) {
        this.next();
        rest.push(['in', this.math1()]);
      } else if (this.isName('not') && this.isName('in', 1)) {
        this.next();
        this.next();
        rest.push(['not in', this.math1()]);
      } else break;
    }
    return rest.length === 0 ? first : { type: 'compare', first, rest, at: first.at };
  }
  math1(): Node {
    let left = this.concat();
    while (this.isOp('+') || this.isOp('-')) {
      const token = this.next();
      left = { type: 'binary', op: token.text, left, right: this.concat(), at: token.at };
    }
    return left;
  }
  concat(): Node {
    let left = this.math2();
    while (this.isOp('~')) {
      const token = this.next();
      left = { type: 'binary', op: '~', left, right: this.math2(), at: token.at };
    }
    return left;
  }
  math2(): Node {
    let left = this.pow();
    while (['*', '/', '//', '%'].some((op) => this.isOp(op))) {
      const token = this.next();
      left = { type: 'binary', op: token.text, left, right: this.pow(), at: token.at };
    }
    return left;
  }
  pow(): Node {
    let left = this.unary();
    while (this.isOp('**')) {
      const token = this.next();
      left = { type: 'binary', op: '**', left, right: this.unary(), at: token.at };
    }
    return left;
  }
  /** As Jinja2: a filter after `-x` applies to `-x`, not to `x` (`-3 | abs` is 3). */
  unary(withFilters = true): Node {
    const apply = (node: Node) => (withFilters ? this.filters(node) : node);
    if (this.isOp('-') || this.isOp('+')) {
      const token = this.next();
      if (++this.depth > maxDepth) this.source.fail(`expressions nest deeper than ${maxDepth} levels`, token.at);
      try {
        return apply({ type: 'unary', op: token.text, operand: this.unary(false), at: token.at });
      } finally {
        this.depth--;
      }
    }
    return apply(this.postfix(this.primary()));
  }
  primary(): Node {
    const token = this.next();
    if (token.kind === 'string') {
      let value = token.value as string;
      while (this.peek().kind === 'string') value += this.next().value as string;
      return { type: 'literal', value, at: token.at };
    }
    if (token.kind === 'number') return { type: 'literal', value: token.value as number, at: token.at };
    if (token.kind === 'name') {
      const literal = literalNames.get(token.text);
      if (literal !== undefined) return { type: 'literal', value: literal.value, at: token.at };
      return { type: 'name', name: token.text, at: token.at };
    }
    if (token.kind === 'op' && token.text === '(') {
      if (this.isOp(')')) {
        this.next();
        return { type: 'list', items: [], tuple: true, at: token.at };
      }
      const first = this.expression();
      if (this.isOp(',')) {
        const items = [first];
        while (this.isOp(',')) {
          this.next();
          if (this.isOp(')')) break;
          items.push(this.expression());
        }
        this.expectOp(')');
        return { type: 'list', items, tuple: true, at: token.at };
      }
      this.expectOp(')');
      return first;
    }
    if (token.kind === 'op' && token.text === '[') {
      const items: Node[] = [];
      while (!this.isOp(']')) {
        items.push(this.expression());
        if (!this.isOp(',')) break;
        this.next();
      }
      this.expectOp(']');
      return { type: 'list', items, at: token.at };
    }
    if (token.kind === 'op' && token.text === '{') {
      const entries: Array<[Node, Node]> = [];
      while (!this.isOp('}')) {
        const key = this.expression();
        this.expectOp(':');
        entries.push([key, this.expression()]);
        if (!this.isOp(',')) break;
        this.next();
      }
      this.expectOp('}');
      return { type: 'dict', entries, at: token.at };
    }
    return this.fail('expected a value', token);
  }
  postfix(node: Node): Node {
    while (true) {
      if (this.isOp('.')) {
        const at = this.next().at;
        const token = this.next();
        if (token.kind === 'name') node = { type: 'attr', object: node, name: token.text, at };
        else if (token.kind === 'number' && Number.isInteger(token.value))
          node = { type: 'attr', object: node, name: token.value as number, at };
        else this.fail('expected an attribute name after .', token);
      } else if (this.isOp('[')) {
        const at = this.next().at;
        if (this.isOp(':')) this.fail('slices are not supported', this.peek());
        const key = this.expression();
        if (this.isOp(':')) this.fail('slices are not supported', this.peek());
        this.expectOp(']');
        node = { type: 'item', object: node, key, at };
      } else if (this.isOp('(')) {
        const at = this.peek().at;
        const { args, kwargs } = this.arguments();
        node = { type: 'call', callee: node, args, kwargs, at };
      } else return node;
    }
  }
  arguments(): { args: Node[]; kwargs: Array<[string, Node]> } {
    this.expectOp('(');
    const args: Node[] = [];
    const kwargs: Array<[string, Node]> = [];
    while (!this.isOp(')')) {
      if (this.peek().kind === 'name' && this.isOp('=', 1)) {
        const name = this.next().text;
        this.next();
        kwargs.push([name, this.expression()]);
      } else {
        if (kwargs.length > 0) this.fail('a positional argument follows a keyword argument', this.peek());
        args.push(this.expression());
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')');
    return { args, kwargs };
  }
  filters(node: Node): Node {
    while (true) {
      if (this.isOp('|')) {
        const at = this.next().at;
        const name = this.expectName();
        const { args, kwargs } = this.isOp('(') ? this.arguments() : { args: [], kwargs: [] };
        node = { type: 'filter', value: node, name, args, kwargs, at };
      } else if (this.isName('is')) {
        const at = this.next().at;
        const negated = this.isName('not');
        if (negated) this.next();
        const nameToken = this.next();
        if (nameToken.kind !== 'name') this.fail('expected a test name after is', nameToken);
        const name = nameToken.text;
        let args: Node[] = [];
        const next = this.peek();
        if (this.isOp('(')) args = this.arguments().args;
        else if (
          next.kind === 'string' ||
          next.kind === 'number' ||
          (next.kind === 'name' && !testArgumentStops.has(next.text)) ||
          this.isOp('[') ||
          this.isOp('{')
        )
          args = [this.postfix(this.primary())];
        node = { type: 'test', value: node, name, args, negated, at };
      } else return node;
    }
  }
}

// Words after `is <test>` that end the test rather than give it an argument.
const testArgumentStops = new Set(['and', 'or', 'if', 'else', 'is', 'in', 'not']);

const literalNames = new Map<string, { value: Value }>([
  ['true', { value: true }],
  ['True', { value: true }],
  ['false', { value: false }],
  ['False', { value: false }],
  ['none', { value: null }],
  ['None', { value: null }],
]);

function parse(source: Source, pieces: Piece[]): Statement[] {
  let index = 0;
  // Parses statements until one of `stops` opens a tag; answers the body and the stopping tag's parser.
  const block = (stops: string[], opener?: { name: string; at: number }) => {
    const body: Statement[] = [];
    while (index < pieces.length) {
      const piece = pieces[index++]!;
      if (piece.kind === 'text') {
        body.push({ type: 'text', text: piece.text });
        continue;
      }
      const parser = new ExpressionParser(source, piece.tokens);
      if (piece.kind === 'output') {
        if (parser.atEnd()) source.fail('an empty {{ }}', piece.at);
        const expr = parser.expression();
        parser.expectEnd();
        body.push({ type: 'output', expr });
        continue;
      }
      const word = parser.peek();
      if (word.kind !== 'name') parser.fail('expected a tag name', word);
      if (stops.includes(word.text)) {
        parser.next();
        return { body, stop: word.text, parser, at: piece.at };
      }
      parser.next();
      body.push(statement(word.text, parser, piece.at));
    }
    if (opener) source.fail(`{% ${opener.name} %} is not closed with {% end${opener.name} %}`, opener.at);
    return { body, stop: undefined, parser: undefined, at: source.text.length };
  };
  let nesting = 0;
  const nested = <T>(at: number, fn: () => T): T => {
    if (++nesting > maxDepth) source.fail(`blocks nest deeper than ${maxDepth} levels`, at);
    try {
      return fn();
    } finally {
      nesting--;
    }
  };
  const targets = (parser: ExpressionParser): string[] => {
    const names = [parser.expectName()];
    while (parser.isOp(',')) {
      parser.next();
      names.push(parser.expectName());
    }
    for (const name of names) if (literalNames.has(name)) source.fail(`cannot assign to ${name}`, parser.peek().at);
    return names;
  };
  const statement = (name: string, parser: ExpressionParser, at: number): Statement =>
    nested(at, () => {
      if (name === 'if') {
        const branches: Array<[Node, Statement[]]> = [];
        let condition = parser.expression();
        parser.expectEnd();
        while (true) {
          const part = block(['elif', 'else', 'endif'], { name: 'if', at });
          branches.push([condition, part.body]);
          if (part.stop === 'elif') {
            condition = part.parser.expression();
            part.parser.expectEnd();
            continue;
          }
          let otherwise: Statement[] = [];
          if (part.stop === 'else') {
            part.parser.expectEnd();
            const last = block(['endif'], { name: 'if', at });
            last.parser!.expectEnd();
            otherwise = last.body;
          } else part.parser!.expectEnd();
          return { type: 'if', branches, otherwise };
        }
      }
      if (name === 'for') {
        const names = targets(parser);
        parser.expectName('in');
        const iter = parser.expression(false);
        let condition: Node | undefined;
        if (parser.isName('if')) {
          parser.next();
          condition = parser.expression(false);
        }
        if (parser.isName('recursive')) source.fail('recursive loops are not supported', parser.peek().at);
        parser.expectEnd();
        const part = block(['else', 'endfor'], { name: 'for', at });
        let otherwise: Statement[] = [];
        part.parser!.expectEnd();
        if (part.stop === 'else') {
          const last = block(['endfor'], { name: 'for', at });
          last.parser!.expectEnd();
          otherwise = last.body;
        }
        return { type: 'for', targets: names, iter, condition, body: part.body, otherwise, at };
      }
      if (name === 'set') {
        const names = targets(parser);
        if (parser.atEnd()) {
          if (names.length !== 1) source.fail('a {% set %} block assigns one name', at);
          const part = block(['endset'], { name: 'set', at });
          part.parser!.expectEnd();
          return { type: 'setBlock', target: names[0]!, body: part.body };
        }
        parser.expectOp('=');
        const value = parser.expression();
        parser.expectEnd();
        return { type: 'set', targets: names, value, at };
      }
      if (refusedTags.has(name)) return source.fail(`{% ${name} %} is not supported in jobs files`, at);
      return source.fail(`unknown tag {% ${name} %}`, at);
    });
  const all = block([]);
  return all.body;
}

// ---- evaluation ----

class Scope {
  readonly names = new Map<string, Value>();
  constructor(readonly parent?: Scope) {}
  lookup(name: string): Value | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the chain of scopes starts here
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.names.has(name)) return scope.names.get(name)!;
    }
    return undefined;
  }
}

const typeName = (value: Value): string =>
  value === null
    ? 'NoneType'
    : value instanceof Undefined
      ? 'Undefined'
      : typeof value === 'string'
        ? 'str'
        : typeof value === 'boolean'
          ? 'bool'
          : typeof value === 'number'
            ? Number.isInteger(value)
              ? 'int'
              : 'float'
            : Array.isArray(value)
              ? 'list'
              : value instanceof Map
                ? 'dict'
                : 'function';

function pythonRepr(value: Value, depth = 0): string {
  if (depth > maxDepth) return '...';
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = '';
    for (const c of value) {
      if (c === '\\') out += '\\\\';
      else if (c === quote) out += `\\${quote}`;
      else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c === '\t') out += '\\t';
      else out += c;
    }
    return quote + out + quote;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => pythonRepr(item, depth + 1));
    if (!tuples.has(value)) return `[${items.join(', ')}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (value instanceof Map)
    return `{${[...value].map(([k, v]) => `${pythonRepr(k as Value, depth + 1)}: ${pythonRepr(v, depth + 1)}`).join(', ')}}`;
  return pythonString(value, depth);
}

function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

function pythonString(value: Value, depth = 0): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (value instanceof Callable) return `<${value.label}>`;
  return pythonRepr(value, depth);
}

function keyOf(value: Value): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  throw new TypeError(`a ${typeName(value)} cannot be a dict key`);
}

class Renderer {
  private steps = 0;
  private outputLength = 0;
  private readonly maxOutput: number;
  private readonly maxSteps: number;
  private readonly globals: Scope;
  readonly context: Scope;

  constructor(
    private readonly source: Source,
    vars: Dict,
    limits: RenderLimits,
  ) {
    this.maxOutput = limits.maxOutput ?? 10_000_000;
    this.maxSteps = limits.maxSteps ?? 2_000_000;
    this.globals = new Scope();
    this.globals.names.set('range', new Callable('range', (args, _kwargs, node) => this.range(args, node.at)));
    const context = new Scope(this.globals);
    for (const [key, value] of vars) if (typeof key === 'string') context.names.set(key, value);
    this.context = context;
  }

  fail(reason: string, at: number, undefinedName?: string): never {
    return this.source.fail(reason, at, undefinedName);
  }
  step(at: number) {
    if (++this.steps > this.maxSteps)
      this.fail(`the template does more than ${this.maxSteps} steps of work; simplify it`, at);
  }
  grow(text: string, out: string[], at: number) {
    this.outputLength += text.length;
    if (this.outputLength > this.maxOutput)
      this.fail(`the rendered file would exceed ${this.maxOutput} characters`, at);
    out.push(text);
  }

  run(statements: Statement[], scope: Scope, out: string[]): void {
    for (const statement of statements) {
      switch (statement.type) {
        case 'text':
          this.grow(statement.text, out, 0);
          break;
        case 'output': {
          const value = this.defined(this.eval(statement.expr, scope), statement.expr);
          this.grow(pythonString(value), out, statement.expr.at);
          break;
        }
        case 'if': {
          const branch = statement.branches.find(([test]) => this.truthy(this.eval(test, scope), test));
          this.run(branch ? branch[1] : statement.otherwise, scope, out);
          break;
        }
        case 'for':
          this.loop(statement, scope, out);
          break;
        case 'set': {
          const value = this.defined(this.eval(statement.value, scope), statement.value);
          this.assign(statement.targets, value, scope, statement.at);
          break;
        }
        case 'setBlock': {
          const inner: string[] = [];
          this.run(statement.body, new Scope(scope), inner);
          scope.names.set(statement.target, inner.join(''));
          break;
        }
      }
    }
  }

  assign(targets: string[], value: Value, scope: Scope, at: number) {
    if (targets.length === 1) {
      scope.names.set(targets[0]!, value);
      return;
    }
    const items = this.iterate(value, at);
    if (items.length !== targets.length)
      this.fail(`cannot unpack ${items.length} values into ${targets.length} names`, at);
    targets.forEach((name, i) => scope.names.set(name, items[i]!));
  }

  loop(statement: Extract<Statement, { type: 'for' }>, scope: Scope, out: string[]) {
    const all = this.iterate(this.defined(this.eval(statement.iter, scope), statement.iter), statement.at);
    const items = statement.condition
      ? all.filter((item) => {
          const probe = new Scope(scope);
          this.assign(statement.targets, item, probe, statement.at);
          return this.truthy(this.eval(statement.condition!, probe), statement.condition!);
        })
      : all;
    if (items.length === 0) {
      this.run(statement.otherwise, scope, out);
      return;
    }
    items.forEach((item, index) => {
      this.step(statement.at);
      const inner = new Scope(scope);
      const loop: Dict = new Map<string, Value>([
        ['index', index + 1],
        ['index0', index],
        ['revindex', items.length - index],
        ['revindex0', items.length - index - 1],
        ['first', index === 0],
        ['last', index === items.length - 1],
        ['length', items.length],
        ['previtem', index > 0 ? items[index - 1]! : new Undefined('loop.previtem')],
        ['nextitem', index < items.length - 1 ? items[index + 1]! : new Undefined('loop.nextitem')],
      ]);
      inner.names.set('loop', loop);
      this.assign(statement.targets, item, inner, statement.at);
      this.run(statement.body, inner, out);
    });
  }

  /** StrictUndefined: a value with no definition may only be tested (`is defined`) or defaulted. */
  defined(value: Value, node: Node): Value {
    if (value instanceof Undefined) {
      const simple = /^[A-Za-z_]\w*$/.test(value.hint);
      this.fail(
        simple ? `${value.hint} has no value: the vars files do not set it` : `${value.hint} has no value`,
        node.at,
        simple ? value.hint : undefined,
      );
    }
    return value;
  }

  truthy(value: Value, node: Node): boolean {
    const v = this.defined(value, node);
    if (v === null || v === false || v === 0 || v === '') return false;
    if (Array.isArray(v)) return v.length > 0;
    if (v instanceof Map) return v.size > 0;
    return true;
  }

  iterate(value: Value, at: number): Value[] {
    if (Array.isArray(value)) return value;
    if (value instanceof Map) return [...value.keys()] as Value[];
    if (typeof value === 'string') return [...value];
    return this.fail(`a ${typeName(value)} cannot be iterated`, at);
  }

  range(args: Value[], at: number): Value[] {
    const numbers = args.map((arg) => {
      if (typeof arg !== 'number' || !Number.isInteger(arg)) this.fail('range takes whole numbers', at);
      return arg;
    });
    const [start, stop, stepBy] =
      numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 1];
    if (stepBy === 0) this.fail('range step must not be zero', at);
    const count = Math.max(0, Math.ceil((stop - start) / stepBy));
    if (count > maxRange) this.fail(`range of ${count} items is more than the ${maxRange} allowed`, at);
    return Array.from({ length: count }, (_, i) => start + i * stepBy);
  }

  eval(node: Node, scope: Scope): Value {
    this.step(node.at);
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'name': {
        const found = scope.lookup(node.name);
        return found === undefined ? new Undefined(node.name) : found;
      }
      case 'list': {
        const list = node.items.map((item) => this.defined(this.eval(item, scope), item));
        return node.tuple ? tuple(list) : list;
      }
      case 'dict': {
        const dict: Dict = new Map();
        for (const [key, value] of node.entries) {
          dict.set(this.key(this.eval(key, scope), key), this.defined(this.eval(value, scope), value));
        }
        return dict;
      }
      case 'attr':
        return this.attribute(this.eval(node.object, scope), node.name, node, true);
      case 'item': {
        const key = this.defined(this.eval(node.key, scope), node.key);
        return this.attribute(this.eval(node.object, scope), key, node, false);
      }
      case 'call': {
        const callee = this.defined(this.eval(node.callee, scope), node.callee);
        if (!(callee instanceof Callable)) this.fail(`a ${typeName(callee)} cannot be called`, node.at);
        const args = node.args.map((arg) => this.defined(this.eval(arg, scope), arg));
        const kwargs = new Map(node.kwargs.map(([name, arg]) => [name, this.defined(this.eval(arg, scope), arg)]));
        return callee.call(args, kwargs, node);
      }
      case 'filter':
        return this.filter(node, scope);
      case 'test':
        return this.test(node, scope);
      case 'unary': {
        const operand = this.eval(node.operand, scope);
        if (node.op === 'not') return !this.truthy(operand, node.operand);
        const value = this.defined(operand, node.operand);
        if (typeof value !== 'number' && typeof value !== 'boolean')
          this.fail(`bad operand type for unary ${node.op}: ${typeName(value)}`, node.at);
        return node.op === '-' ? -Number(value) : Number(value);
      }
      case 'and': {
        const left = this.eval(node.left, scope);
        return this.truthy(left, node.left) ? this.eval(node.right, scope) : left;
      }
      case 'or': {
        const left = this.eval(node.left, scope);
        return this.truthy(left, node.left) ? left : this.eval(node.right, scope);
      }
      case 'compare': {
        let left = this.defined(this.eval(node.first, scope), node.first);
        for (const [op, rightNode] of node.rest) {
          const right = this.defined(this.eval(rightNode, scope), rightNode);
          if (!this.compareValues(op, left, right, rightNode.at)) return false;
          left = right;
        }
        return true;
      }
      case 'conditional':
        if (this.truthy(this.eval(node.test, scope), node.test)) return this.eval(node.then, scope);
        return node.otherwise ? this.eval(node.otherwise, scope) : '';
      case 'binary':
        return this.binary(
          node.op,
          this.defined(this.eval(node.left, scope), node.left),
          this.defined(this.eval(node.right, scope), node.right),
          node.at,
        );
    }
  }

  key(value: Value, node: Node) {
    const v = this.defined(value, node);
    try {
      return keyOf(v);
    } catch (error) {
      return this.fail((error as Error).message, node.at);
    }
  }

  /** `.name` and `[key]`: a dict's own entries, a list's items, a string's characters, and the methods below. */
  attribute(object: Value, key: Value, node: Node, dotted: boolean): Value {
    const shown = dotted ? `.${pythonString(key)}` : `[${pythonRepr(key)}]`;
    if (object instanceof Undefined) this.fail(`${object.hint} is undefined, so it has no ${shown}`, node.at);
    const hint = `${describeNode(node)}`;
    if (object instanceof Map) {
      const k = typeof key === 'object' && key !== null ? undefined : key;
      if (k !== undefined && object.has(k)) return object.get(k)!;
      if (typeof key === 'string') {
        const method = dictMethod(object, key, this);
        if (method) return method;
      }
      return new Undefined(hint);
    }
    if (Array.isArray(object) || typeof object === 'string') {
      if (typeof key === 'number' && Number.isInteger(key)) {
        const index = key < 0 ? object.length + key : key;
        if (index >= 0 && index < object.length) return object[index]!;
        return new Undefined(hint);
      }
      if (typeof object === 'string' && typeof key === 'string') {
        const method = stringMethod(object, key, this);
        if (method) return method;
      }
      return new Undefined(hint);
    }
    if (typeof key === 'string' && object instanceof Callable)
      this.fail(`${object.label} has no attribute ${JSON.stringify(key)}`, node.at);
    return new Undefined(hint);
  }

  compareValues(op: string, left: Value, right: Value, at: number): boolean {
    switch (op) {
      case '==':
        return equal(left, right);
      case '!=':
        return !equal(left, right);
      case 'in':
        return this.contains(right, left, at);
      case 'not in':
        return !this.contains(right, left, at);
    }
    const both =
      (isNumeric(left) && isNumeric(right)) ||
      (typeof left === 'string' && typeof right === 'string') ||
      (Array.isArray(left) && Array.isArray(right));
    if (!both) this.fail(`cannot compare ${typeName(left)} ${op} ${typeName(right)}`, at);
    const order = orderOf(left, right);
    return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
  }

  contains(container: Value, item: Value, at: number): boolean {
    if (typeof container === 'string') {
      if (typeof item !== 'string') this.fail(`'in <string>' needs a string on the left, not ${typeName(item)}`, at);
      return container.includes(item);
    }
    if (Array.isArray(container)) return container.some((value) => equal(value, item));
    if (container instanceof Map) return [...container.keys()].some((key) => equal(key, item));
    return this.fail(`a ${typeName(container)} cannot hold values ('in')`, at);
  }

  binary(op: string, left: Value, right: Value, at: number): Value {
    if (op === '~') {
      const text = pythonString(left) + pythonString(right);
      if (text.length > this.maxOutput) this.fail(`a string longer than ${this.maxOutput} characters`, at);
      return text;
    }
    if (op === '+') {
      if (typeof left === 'string' && typeof right === 'string') return this.sized(left + right, at);
      if (Array.isArray(left) && Array.isArray(right)) return this.sizedList([...left, ...right], at);
    }
    if (op === '*') {
      const repeat = (value: string | Value[], times: Value) => {
        if (typeof times !== 'number' || !Number.isInteger(times)) return undefined;
        const length = value.length * Math.max(0, times);
        if (length > this.maxOutput) this.fail(`a value longer than ${this.maxOutput} items`, at);
        return typeof value === 'string'
          ? value.repeat(Math.max(0, times))
          : Array.from({ length }, (_, i) => value[i % value.length]!);
      };
      const result =
        typeof left === 'string' || Array.isArray(left)
          ? repeat(left, right)
          : typeof right === 'string' || Array.isArray(right)
            ? repeat(right, left)
            : undefined;
      if (result !== undefined) return result;
    }
    if (!isNumeric(left) || !isNumeric(right))
      this.fail(`unsupported operand types for ${op}: ${typeName(left)} and ${typeName(right)}`, at);
    const a = Number(left);
    const b = Number(right);
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) this.fail('division by zero', at);
        return a / b;
      case '//':
        if (b === 0) this.fail('division by zero', at);
        return Math.floor(a / b);
      case '%':
        if (b === 0) this.fail('modulo by zero', at);
        return a - b * Math.floor(a / b);
      default:
        return a ** b;
    }
  }

  sized(text: string, at: number) {
    if (text.length > this.maxOutput) this.fail(`a string longer than ${this.maxOutput} characters`, at);
    return text;
  }
  sizedList(list: Value[], at: number) {
    if (list.length > this.maxOutput) this.fail(`a list longer than ${this.maxOutput} items`, at);
    return list;
  }

  filter(node: Extract<Node, { type: 'filter' }>, scope: Scope): Value {
    const raw = this.eval(node.value, scope);
    const args = node.args.map((arg) => this.defined(this.eval(arg, scope), arg));
    const kwargs = new Map(node.kwargs.map(([name, arg]) => [name, this.defined(this.eval(arg, scope), arg)]));
    return this.applyFilter(node.name, raw, args, kwargs, node);
  }

  /** `items | map('upper')`, `| select('odd')`, `| selectattr('a', 'eq', 1)`: a filter or test named by a string. */
  mapped(name: string, value: Value, args: Value[], kwargs: Map<string, Value>, node: Node): Value {
    const items = this.iterate(value, node.at);
    const attribute = kwargs.get('attribute');
    if (name === 'map') {
      if (attribute !== undefined) {
        const fallback = kwargs.get('default');
        return items.map((item) => {
          const found = this.attribute(item, attribute, node, false);
          return found instanceof Undefined && fallback !== undefined ? fallback : found;
        });
      }
      const [filter, ...rest] = args;
      if (typeof filter !== 'string') this.fail('map needs a filter name or attribute=', node.at);
      return items.map((item) => this.applyFilter(filter, item, rest, new Map(), node));
    }
    const byAttribute = name.endsWith('attr');
    const [first, ...others] = args;
    if (byAttribute && typeof first !== 'string') this.fail(`${name} needs an attribute name`, node.at);
    const [testName, ...testArgs] = byAttribute ? others : args;
    const keep = name.startsWith('select');
    // A number or a boolean names the test it prints as (`true`); a list or a dict names no test and is refused.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as above: its text is looked up, never shown
    const test = testName === undefined ? undefined : String(testName);
    return items.filter((item) => {
      const subject = byAttribute ? this.attribute(item, first!, node, false) : item;
      const passed = test === undefined ? this.truthy(subject, node) : this.applyTest(test, subject, testArgs, node);
      return passed === keep;
    });
  }

  applyFilter(name: string, raw: Value, args: Value[], kwargs: Map<string, Value>, node: Node): Value {
    this.step(node.at);
    const arg = (i: number, key: string, fallback: Value): Value =>
      args[i] !== undefined ? args[i]! : kwargs.has(key) ? kwargs.get(key)! : fallback;
    if (name === 'default' || name === 'd') {
      const fallback = arg(0, 'default_value', '');
      const boolean = this.truthy(arg(1, 'boolean', false), node);
      if (raw instanceof Undefined) return fallback;
      return boolean && !this.truthy(raw, node) ? fallback : raw;
    }
    const value = this.defined(raw, node);
    if (['map', 'select', 'reject', 'selectattr', 'rejectattr'].includes(name))
      return this.mapped(name, value, args, kwargs, node);
    const need = (ok: boolean, what: string) => {
      if (!ok) this.fail(`the ${name} filter needs ${what}, got ${typeName(value)}`, node.at);
    };
    switch (name) {
      case 'upper':
      case 'lower':
      case 'title':
      case 'capitalize':
      case 'trim': {
        const text = pythonString(value);
        if (name === 'upper') return text.toUpperCase();
        if (name === 'lower') return text.toLowerCase();
        if (name === 'title') return titleCase(text);
        if (name === 'capitalize') return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
        const chars = arg(0, 'chars', null);
        return typeof chars === 'string' ? stripChars(text, chars, true, true) : text.trim();
      }
      case 'string':
        return pythonString(value);
      case 'safe':
        return value;
      case 'replace': {
        const from = pythonString(arg(0, 'old', ''));
        const to = pythonString(arg(1, 'new', ''));
        const count = arg(2, 'count', null);
        return this.sized(replaceText(pythonString(value), from, to, typeof count === 'number' ? count : -1), node.at);
      }
      case 'int': {
        const fallback = arg(0, 'default', 0);
        const parsed = toNumber(value);
        return parsed === undefined ? fallback : Math.trunc(parsed);
      }
      case 'float': {
        const fallback = arg(0, 'default', 0);
        return toNumber(value) ?? fallback;
      }
      case 'abs':
        need(isNumeric(value), 'a number');
        return Math.abs(Number(value));
      case 'round': {
        need(isNumeric(value), 'a number');
        const precision = Number(arg(0, 'precision', 0));
        const method = pythonString(arg(1, 'method', 'common'));
        const factor = 10 ** precision;
        const scaled = Number(value) * factor;
        const rounded =
          method === 'ceil' ? Math.ceil(scaled) : method === 'floor' ? Math.floor(scaled) : roundHalfEven(scaled);
        return rounded / factor;
      }
      case 'length':
      case 'count':
        need(typeof value === 'string' || Array.isArray(value) || value instanceof Map, 'a string, list or dict');
        return typeof value === 'string'
          ? [...value].length
          : Array.isArray(value)
            ? value.length
            : (value as Dict).size;
      case 'first':
      case 'last': {
        const items = this.iterate(value, node.at);
        const item = name === 'first' ? items[0] : items.at(-1);
        return item === undefined ? new Undefined(`${describeNode(node)}|${name}`) : item;
      }
      case 'list':
        return [...this.iterate(value, node.at)];
      case 'join': {
        const separator = pythonString(arg(0, 'd', ''));
        return this.sized(
          this.iterate(value, node.at)
            .map((item) => pythonString(item))
            .join(separator),
          node.at,
        );
      }
      case 'reverse':
        if (typeof value === 'string') return [...value].reverse().join('');
        return [...this.iterate(value, node.at)].reverse();
      case 'sort': {
        const reverse = this.truthy(arg(0, 'reverse', false), node);
        const items = [...this.iterate(value, node.at)];
        items.sort((a, b) => {
          if (!((isNumeric(a) && isNumeric(b)) || (typeof a === 'string' && typeof b === 'string')))
            this.fail(`cannot sort ${typeName(a)} with ${typeName(b)}`, node.at);
          return orderOf(a, b);
        });
        return reverse ? items.reverse() : items;
      }
      case 'unique': {
        const out: Value[] = [];
        for (const item of this.iterate(value, node.at)) if (!out.some((seen) => equal(seen, item))) out.push(item);
        return out;
      }
      case 'min':
      case 'max': {
        const items = this.iterate(value, node.at);
        if (items.length === 0) return new Undefined(`${describeNode(node)}|${name}`);
        return items.reduce((best, item) => {
          const order = this.compareValues('<', item, best, node.at);
          return name === 'min' ? (order ? item : best) : order ? best : equal(item, best) ? best : item;
        });
      }
      case 'sum': {
        let total = Number(arg(0, 'start', 0));
        for (const item of this.iterate(value, node.at)) {
          if (!isNumeric(item)) this.fail(`the sum filter needs numbers, got ${typeName(item)}`, node.at);
          total += Number(item);
        }
        return total;
      }
      case 'items':
        need(value instanceof Map, 'a dict');
        return [...(value as Dict)].map(([k, v]) => tuple([k as Value, v]));
      case 'dictsort':
        need(value instanceof Map, 'a dict');
        return [...(value as Dict)]
          .map(([k, v]) => tuple([k as Value, v]))
          .sort((a, b) => orderOf(pythonString(a[0]!).toLowerCase(), pythonString(b[0]!).toLowerCase()));
      case 'tojson':
        return this.sized(toJson(value), node.at);
      case 'indent': {
        const width = arg(0, 'width', 4);
        const pad = typeof width === 'string' ? width : ' '.repeat(Math.min(Number(width), 100));
        const first = this.truthy(arg(1, 'first', false), node);
        const lines = pythonString(value).split('\n');
        return this.sized(lines.map((line, i) => ((i > 0 || first) && line ? pad + line : line)).join('\n'), node.at);
      }
    }
    return this.fail(`unknown filter ${name}`, node.at);
  }

  test(node: Extract<Node, { type: 'test' }>, scope: Scope): boolean {
    const raw = this.eval(node.value, scope);
    const args = node.args.map((arg) => this.defined(this.eval(arg, scope), arg));
    const result = this.applyTest(node.name, raw, args, node);
    return node.negated ? !result : result;
  }

  applyTest(name: string, raw: Value, args: Value[], node: Node): boolean {
    this.step(node.at);
    {
      if (name === 'defined') return !(raw instanceof Undefined);
      if (name === 'undefined') return raw instanceof Undefined;
      const value = this.defined(raw, node);
      switch (name) {
        case 'none':
          return value === null;
        case 'boolean':
          return typeof value === 'boolean';
        case 'true':
          return value === true;
        case 'false':
          return value === false;
        case 'number':
          return typeof value === 'number';
        case 'integer':
          return typeof value === 'number' && Number.isInteger(value);
        case 'float':
          return typeof value === 'number' && !Number.isInteger(value);
        case 'string':
          return typeof value === 'string';
        case 'mapping':
          return value instanceof Map;
        case 'sequence':
        case 'iterable':
          return typeof value === 'string' || Array.isArray(value) || value instanceof Map;
        case 'callable':
          return value instanceof Callable;
        case 'lower':
          return typeof value === 'string' && value === value.toLowerCase();
        case 'upper':
          return typeof value === 'string' && value === value.toUpperCase();
        case 'even':
        case 'odd':
          if (typeof value !== 'number') this.fail(`the ${name} test needs a number`, node.at);
          return Math.abs(value % 2) === (name === 'odd' ? 1 : 0);
        case 'divisibleby':
          if (typeof value !== 'number' || typeof args[0] !== 'number' || args[0] === 0)
            this.fail('the divisibleby test needs numbers', node.at);
          return value % args[0] === 0;
        case 'eq':
        case 'equalto':
        case 'sameas':
          return equal(value, args[0] ?? null);
        case 'ne':
          return !equal(value, args[0] ?? null);
        case 'lt':
        case 'gt':
        case 'le':
        case 'ge': {
          const op = { lt: '<', gt: '>', le: '<=', ge: '>=' }[name];
          return this.compareValues(op, value, args[0] ?? null, node.at);
        }
        case 'in':
          return this.contains(args[0] ?? null, value, node.at);
      }
      return this.fail(`unknown test ${name}`, node.at);
    }
  }
}

function describeNode(node: Node): string {
  switch (node.type) {
    case 'name':
      return node.name;
    case 'attr':
      return `${describeNode(node.object)}.${node.name}`;
    case 'item':
      return `${describeNode(node.object)}[${node.key.type === 'literal' ? pythonRepr(node.key.value) : '...'}]`;
    case 'literal':
      return pythonRepr(node.value);
    case 'filter':
      return `${describeNode(node.value)}|${node.name}`;
    default:
      return 'the value';
  }
}

const isNumeric = (value: Value): value is number | boolean => typeof value === 'number' || typeof value === 'boolean';

function equal(a: Value, b: Value): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]!));
  if (a instanceof Map && b instanceof Map)
    return a.size === b.size && [...a].every(([k, v]) => b.has(k) && equal(v, b.get(k)!));
  return a === b;
}

function orderOf(a: Value, b: Value): number {
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!equal(a[i]!, b[i]!)) return orderOf(a[i]!, b[i]!);
    }
    return a.length - b.length;
  }
  return 0;
}

function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function titleCase(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

function stripChars(text: string, chars: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = text.length;
  if (start) while (from < to && chars.includes(text[from]!)) from++;
  if (end) while (to > from && chars.includes(text[to - 1]!)) to--;
  return text.slice(from, to);
}

function replaceText(text: string, from: string, to: string, count: number): string {
  if (from === '') return text;
  let out = '';
  let at = 0;
  let done = 0;
  while (count < 0 || done < count) {
    const found = text.indexOf(from, at);
    if (found === -1) break;
    out += text.slice(at, found) + to;
    at = found + from.length;
    done++;
  }
  return out + text.slice(at);
}

function toJson(value: Value, depth = 0): string {
  if (depth > maxDepth) throw new TypeError('too deep');
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (Array.isArray(value)) return `[${value.map((item) => toJson(item, depth + 1)).join(', ')}]`;
  if (value instanceof Map)
    return `{${[...value].map(([k, v]) => `${JSON.stringify(pythonString(k as Value))}: ${toJson(v, depth + 1)}`).join(', ')}}`;
  return 'null';
}

function stringMethod(text: string, name: string, renderer: Renderer): Callable | undefined {
  const method = (fn: (args: Value[], kwargs: Map<string, Value>, at: Node) => Value) =>
    new Callable(`str.${name}`, fn);
  const strArg = (args: Value[], i: number, fallback: string | null = null): string | null => {
    const value = args[i];
    if (value === undefined || value === null) return fallback;
    return pythonString(value);
  };
  switch (name) {
    case 'upper':
      return method(() => text.toUpperCase());
    case 'lower':
      return method(() => text.toLowerCase());
    case 'title':
      return method(() => titleCase(text));
    case 'capitalize':
      return method(() => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase());
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return method((args) => {
        const chars = strArg(args, 0);
        if (chars === null)
          return name === 'strip' ? text.trim() : name === 'lstrip' ? text.trimStart() : text.trimEnd();
        return stripChars(text, chars, name !== 'rstrip', name !== 'lstrip');
      });
    case 'replace':
      return method((args, _kwargs, at) =>
        renderer.sized(
          replaceText(text, strArg(args, 0, '')!, strArg(args, 1, '')!, typeof args[2] === 'number' ? args[2] : -1),
          at.at,
        ),
      );
    case 'split':
      return method((args) => {
        const separator = strArg(args, 0);
        if (separator === null) return text.split(/\s+/).filter((part) => part !== '');
        if (separator === '') return renderer.fail('empty separator', 0);
        return text.split(separator);
      });
    case 'startswith':
    case 'endswith':
      return method((args) => {
        const probe = strArg(args, 0, '')!;
        return name === 'startswith' ? text.startsWith(probe) : text.endsWith(probe);
      });
    case 'join':
      return method((args, _kwargs, at) =>
        renderer.sized(
          renderer
            .iterate(args[0] ?? [], at.at)
            .map((item) => pythonString(item))
            .join(text),
          at.at,
        ),
      );
  }
  return undefined;
}

function dictMethod(dict: Dict, name: string, renderer: Renderer): Callable | undefined {
  switch (name) {
    case 'items':
      return new Callable('dict.items', () => [...dict].map(([k, v]) => tuple([k as Value, v])));
    case 'keys':
      return new Callable('dict.keys', () => [...dict.keys()] as Value[]);
    case 'values':
      return new Callable('dict.values', () => [...dict.values()]);
    case 'get':
      return new Callable('dict.get', (args, _kwargs, at) => {
        const key = renderer.key(args[0] ?? null, at);
        return dict.has(key) ? dict.get(key)! : (args[1] ?? null);
      });
  }
  return undefined;
}

// ---- entry points ----

function parseTemplate(text: string) {
  // As Jinja2 by default (keep_trailing_newline off): one newline at the very end of the file is not output.
  const source = new Source(text);
  return { source, statements: parse(source, lex(source)) };
}

/** Renders `text` with `vars` as Jinja2 would with StrictUndefined; throws TemplateError with line and column. */
export function renderTemplate(text: string, vars: Record<string, unknown>, limits: RenderLimits = {}): string {
  const { source, statements } = parseTemplate(text);
  const renderer = new Renderer(source, toTemplateValue(vars) as Dict, limits);
  const out: string[] = [];
  renderer.run(statements, new Scope(renderer.context), out);
  const rendered = out.join('');
  return rendered.endsWith('\r\n') ? rendered.slice(0, -2) : rendered.endsWith('\n') ? rendered.slice(0, -1) : rendered;
}

/** True when the text holds any template syntax (`{{`, `{%` or `{#`). */
export function hasTemplateSyntax(text: string): boolean {
  return nextOpening(text, 0) !== -1;
}

/** The variables a template reads that it does not set itself (as Jinja2's find_undeclared_variables), in order. */
export function templateVariables(text: string): string[] {
  const { statements } = parseTemplate(text);
  const found = new Set<string>();
  const assigned = new Set<string>(['range', 'loop']);
  const visitNode = (node: Node): void => {
    switch (node.type) {
      case 'name':
        if (!assigned.has(node.name)) found.add(node.name);
        return;
      case 'list':
        node.items.forEach(visitNode);
        return;
      case 'dict':
        node.entries.forEach(([k, v]) => (visitNode(k), visitNode(v)));
        return;
      case 'attr':
        visitNode(node.object);
        return;
      case 'item':
        visitNode(node.object);
        visitNode(node.key);
        return;
      case 'call':
        visitNode(node.callee);
        node.args.forEach(visitNode);
        node.kwargs.forEach(([, v]) => visitNode(v));
        return;
      case 'filter':
        visitNode(node.value);
        node.args.forEach(visitNode);
        node.kwargs.forEach(([, v]) => visitNode(v));
        return;
      case 'test':
        visitNode(node.value);
        node.args.forEach(visitNode);
        return;
      case 'unary':
        visitNode(node.operand);
        return;
      case 'binary':
      case 'and':
      case 'or':
        visitNode(node.left);
        visitNode(node.right);
        return;
      case 'compare':
        visitNode(node.first);
        node.rest.forEach(([, n]) => visitNode(n));
        return;
      case 'conditional':
        visitNode(node.test);
        visitNode(node.then);
        if (node.otherwise) visitNode(node.otherwise);
        return;
      case 'literal':
        return;
    }
  };
  const visit = (list: Statement[]): void => {
    for (const statement of list) {
      if (statement.type === 'output') visitNode(statement.expr);
      else if (statement.type === 'if') {
        for (const [test, body] of statement.branches) {
          visitNode(test);
          visit(body);
        }
        visit(statement.otherwise);
      } else if (statement.type === 'for') {
        visitNode(statement.iter);
        statement.targets.forEach((name) => assigned.add(name));
        if (statement.condition) visitNode(statement.condition);
        visit(statement.body);
        visit(statement.otherwise);
      } else if (statement.type === 'set') {
        visitNode(statement.value);
        statement.targets.forEach((name) => assigned.add(name));
      } else if (statement.type === 'setBlock') {
        visit(statement.body);
        assigned.add(statement.target);
      }
    }
  };
  visit(statements);
  return [...found];
}

/**
 * Text that renders back to `text`: every `{` that would open a tag, expression or comment becomes a raw block holding
 * it. Used for values read from dbt Cloud (job names, commands), which must stay text when the file is rendered. The
 * escape has no quote or backslash, so YAML writes it the same in any scalar style.
 */
export function escapeTemplateText(text: string): string {
  let out = '';
  let from = 0;
  for (let at = nextOpening(text, 0); at !== -1; at = nextOpening(text, at + 1)) {
    out += `${text.slice(from, at)}{% raw %}{{% endraw %}`;
    from = at + 1;
  }
  return out + text.slice(from);
}
