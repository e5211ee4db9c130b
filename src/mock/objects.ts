// Create, read, list, update and delete for the objects the mock keeps as plain records: v3 projects and
// environments (the same records as their v2 views), connections, repositories and credentials. A body gives the
// fields its kind's schemas declare, minus those only the server sets; the id, account, state and times are the
// server's. A `null` for a field the API never answers as null means the field was not sent (clients built from
// models send every optional field, null when unset).
import type { Collection } from './state.js';
import type { FieldRules, ObjectKind, Seed } from './seed.js';
import {
  badRequest,
  fieldValue,
  notFound,
  objectBody,
  sendObject,
  sendPage,
  stateFilter,
  type Context,
} from './reply.js';
import { apiTimestamp } from './time.js';

type Stored = { id: number; state?: number | null; project_id?: number | null; name?: string | null };

export interface ObjectKindDef<T extends Stored> {
  kind: ObjectKind;
  /** `The connection`: how errors name it. */
  what: string;
  items: () => Collection<T>;
  /** The path names a project (its `{project_id}` is the second parameter) that the object must belong to. */
  inProject: boolean;
  /** What a new object starts from: a seeded object (of the same `type`, where there is one) under `blank`. */
  template: (body: Record<string, unknown>) => T | undefined;
  blank: Record<string, unknown>;
  /** The API answers a create with 201 (recorded responses show it for these). */
  createdStatus?: 201;
  /** Query filters the list honours besides state, pk and name__icontains. */
  filters?: string[];
  /** How a list shows an object, where it shows less (or more) than a get. */
  listed?: (item: T) => unknown;
}

/** The test a list filter makes: `pk`, `pk__gt`, `<field>__in` (a bracketed list), `name__icontains`, equality. */
function matches(name: string, raw: string): (item: Stored) => boolean {
  const value = (item: Stored, field: string) => (field === 'pk' ? item.id : (item as Record<string, unknown>)[field]);
  if (name === 'name__icontains')
    return (item) =>
      String(item.name ?? '')
        .toLowerCase()
        .includes(raw.toLowerCase());
  if (name === 'pk__gt') return (item) => item.id > Number(raw);
  if (name.endsWith('__in')) {
    let listed: unknown;
    try {
      listed = JSON.parse(raw);
    } catch {
      badRequest(name, 'Send a list in square brackets.');
    }
    if (!Array.isArray(listed)) badRequest(name, 'Send a list in square brackets.');
    const wanted = new Set(listed.map(String));
    const field = name.slice(0, -4);
    return (item) => wanted.has(String(value(item, field)));
  }
  return (item) => String(value(item, name)) === raw;
}

/** Fields a client may not set: the server fills them in. */
const serverOwned = new Set(['id', 'account_id', 'created_at', 'updated_at']);

/** The fields of `body` an object of this kind takes. */
export function acceptedFields(
  body: Record<string, unknown>,
  rules: FieldRules,
  template: object | undefined,
  owned: Set<string> = serverOwned,
): Record<string, unknown> {
  const accepted: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (owned.has(field) || rules.readOnly.has(field)) continue;
    if (!rules.known.has(field) && !(template && field in template)) continue;
    if (value === null && !rules.nullable.has(field)) continue;
    accepted[field] = value;
  }
  return accepted;
}

export class ObjectStore {
  constructor(
    private readonly seed: () => Seed,
    private readonly accountId: () => number,
    private readonly now: () => number,
  ) {}

  private projectOf(c: Context, def: { inProject: boolean }): number | undefined {
    return def.inProject ? Number(c.params[1]) : undefined;
  }

  private idOf(c: Context, def: { inProject: boolean }): number {
    return Number(c.params[def.inProject ? 2 : 1]);
  }

  /** The object the path names, or 404 (also when it is in another project than the path's). */
  find<T extends Stored>(c: Context, def: ObjectKindDef<T>): T {
    const id = this.idOf(c, def);
    const item = def.items().get(id);
    const project = this.projectOf(c, def);
    if (!item || (project !== undefined && item.project_id !== project)) notFound(`${def.what} ${id}`);
    return item;
  }

  get<T extends Stored>(c: Context, def: ObjectKindDef<T>): void {
    sendObject(c.res, this.find(c, def));
  }

  list<T extends Stored>(c: Context, def: ObjectKindDef<T>): void {
    const q = c.query;
    const keep = stateFilter(q);
    const project = this.projectOf(c, def);
    const filters: Record<string, unknown> = { account_id: this.accountId(), state: q.get('state') ?? 'active' };
    let found = def
      .items()
      .all()
      .filter((item) => keep(item.state));
    if (project !== undefined) {
      filters.project_id = project;
      found = found.filter((item) => item.project_id === project);
    }
    for (const name of ['pk', 'pk__gt', 'pk__in', 'name__icontains', 'name', ...(def.filters ?? [])]) {
      const raw = q.get(name);
      if (raw === null || raw === '') continue;
      filters[name] = raw;
      found = found.filter(matches(name, raw));
    }
    sendPage(
      c,
      found,
      q.get('order_by') ?? 'id',
      (item, field) => fieldValue(item, field),
      def.listed ?? ((item) => item),
      filters,
    );
  }

  /** A new object from the body; `extra` are fields the caller settled (checked references, scope). */
  create<T extends Stored>(c: Context, def: ObjectKindDef<T>, extra: Record<string, unknown> = {}): T {
    const body = objectBody(c);
    const template = def.template(body);
    const rules = this.seed().fields[def.kind];
    const project = this.projectOf(c, def);
    const now = apiTimestamp(this.now());
    const made = def.items().add(
      (id) =>
        ({
          ...structuredClone(template ?? {}),
          ...def.blank,
          ...acceptedFields(body, rules, template),
          ...(project === undefined ? {} : { project_id: project }),
          ...extra,
          id,
          account_id: this.accountId(),
          state: body.state === 2 ? 2 : 1,
          created_at: now,
          updated_at: now,
        }) as unknown as T,
    );
    sendObject(c.res, made, def.createdStatus);
    return made;
  }

  /** Replaces the fields the body sends; `state: 2` deletes the object, as the API's update does. */
  update<T extends Stored>(c: Context, def: ObjectKindDef<T>): T {
    const item = this.find(c, def);
    const body = objectBody(c);
    if (body.id !== undefined && body.id !== null && Number(body.id) !== item.id)
      badRequest('id', 'The id in the body does not match the path.');
    const accepted = acceptedFields(body, this.seed().fields[def.kind], item, new Set([...serverOwned, 'project_id']));
    Object.assign(item, accepted, {
      state: body.state === 2 ? 2 : (item.state ?? 1),
      updated_at: apiTimestamp(this.now()),
    });
    sendObject(c.res, item);
    return item;
  }

  /** Soft-deletes the object and answers it, its state now 2, as the API does. */
  remove<T extends Stored>(c: Context, def: ObjectKindDef<T>): T {
    const item = this.find(c, def);
    Object.assign(item, { state: 2, updated_at: apiTimestamp(this.now()) });
    sendObject(c.res, item);
    return item;
  }
}
