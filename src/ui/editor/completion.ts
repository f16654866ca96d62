/**
 * Completion from the scenario's JSON Schema (scenario/schema.ts): the keys
 * valid where the cursor is (minus those already written), with the schema's
 * description as the info, and values where the schema knows them (enums,
 * booleans, defaults, `service.endpoint` targets and service names from the
 * file itself). Pure apart from CodeMirror's types.
 */
import { insertCompletionText, startCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { scenarioSchema } from '../../scenario/schema';
import { documentNames, ITEM, yamlContext, type YamlPath } from './yamlContext';

type Schema = { readonly [key: string]: unknown };

const definitions = (scenarioSchema.definitions ?? {}) as Record<string, Schema>;

function deref(s: unknown): Schema | null {
  let cur = s as Schema | null | undefined;
  for (let guard = 0; cur && typeof cur.$ref === 'string' && guard < 16; guard++) {
    cur = definitions[(cur.$ref as string).split('/').pop()!];
  }
  return cur && typeof cur === 'object' ? cur : null;
}

/** The schema of the value at `path` (keys, `[]` for a sequence item), or null when the path leaves the schema. */
export function schemaAt(path: YamlPath): Schema | null {
  let s = deref(scenarioSchema);
  for (const seg of path) {
    if (!s) return null;
    if (seg === ITEM) {
      s = deref(s.items);
      continue;
    }
    const props = s.properties as Record<string, unknown> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, seg)) s = deref(props[seg]);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object') s = deref(s.additionalProperties);
    else return null;
  }
  return s;
}

function typesOf(s: Schema): string[] {
  const t = s.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** A short word for the completion's detail: `duration`, `integer`, `object`, `list`… */
export function kindOf(s: Schema): string {
  const c = typeof s.$comment === 'string' ? /^value:(.+)$/.exec(s.$comment) : null;
  if (c && !['text', 'name', 'number'].includes(c[1]!)) return c[1]!;
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map(String).join(' | ');
  return typesOf(s).map((t) => (t === 'array' ? 'list' : t)).join(' | ');
}

function short(s: string, max = 28): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Keys whose value is a service's name (when the schema says it is a name). */
const SERVICE_NAME_KEYS = new Set(['kill', 'latency', 'errors', 'slow', 'database', 'cacheFlush', 'deploy', 'service', 'orchestrator']);

export interface Completions {
  readonly from: number;
  readonly to: number;
  readonly options: readonly Completion[];
  /** Values are asked again at each keystroke (so a value typed in full closes the list). */
  readonly isValue?: boolean;
  /** Keys whose values are listed (enums, booleans): choosing one opens the list of its values. */
  readonly chained?: ReadonlySet<string>;
}

function hasValueList(s: Schema | null): boolean {
  return !!s && (Array.isArray(s.enum) || typesOf(s).includes('boolean'));
}

/** What to offer at `pos` of `text`; null = nothing (`explicit`: the user asked, Ctrl+Space). */
export function completionsFor(text: string, pos: number, explicit: boolean): Completions | null {
  const cx = yamlContext(text, pos);
  if (!cx) return null;
  if (cx.kind === 'key') {
    if (!explicit && cx.prefix === '') return null;
    const s = schemaAt(cx.path);
    const props = s?.properties as Record<string, unknown> | undefined;
    if (!props) return null;
    const options: Completion[] = [];
    const chained = new Set<string>();
    for (const [key, raw] of Object.entries(props)) {
      if (cx.siblings.has(key)) continue;
      const ks = deref(raw) ?? {};
      if (!cx.hasColon && hasValueList(ks)) chained.add(key);
      const types = typesOf(ks);
      let insert = `${key}: `;
      if (cx.hasColon) insert = key;
      else if (!cx.flow && types.length === 1 && types[0] === 'object') insert = `${key}:\n${' '.repeat(cx.column + 2)}`;
      else if (!cx.flow && types.length === 1 && types[0] === 'array') insert = `${key}:\n${' '.repeat(cx.column + 2)}- `;
      options.push({
        label: key, type: 'property', detail: short(kindOf(ks)), apply: insert,
        ...(typeof ks.description === 'string' ? { info: ks.description } : {}),
      });
    }
    return options.length ? { from: cx.from, to: cx.to, options, chained } : null;
  }

  const s = schemaAt(cx.path);
  if (!s) return null;
  const options: Completion[] = [];
  const seen = new Set<string>();
  const add = (label: string, type: string, detail?: string, info?: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    options.push({ label, type, ...(detail ? { detail } : {}), ...(info ? { info } : {}) });
  };
  const description = typeof s.description === 'string' ? s.description : undefined;
  if (Array.isArray(s.enum)) for (const v of s.enum as unknown[]) add(String(v), 'enum', v === s.default ? 'default' : undefined, description);
  if (typesOf(s).includes('boolean')) { add('true', 'keyword'); add('false', 'keyword'); }
  const key = cx.path[cx.path.length - 1]!;
  const kind = typeof s.$comment === 'string' ? s.$comment : '';
  if (kind === 'value:target' || (kind === 'value:name' && SERVICE_NAME_KEYS.has(key))) {
    const names = documentNames(text);
    for (const svc of names.services) {
      if (kind === 'value:name') add(svc, 'variable', 'service');
      else for (const ep of names.endpoints.get(svc) ?? []) add(`${svc}.${ep}`, 'function', 'endpoint');
    }
  }
  if (kind === 'value:queue') add('unbounded', 'keyword');
  // A default (a duration, a number) only on request: offered while typing, it would catch Enter.
  if (explicit && s.default !== undefined && !Array.isArray(s.enum) && typeof s.default !== 'boolean') add(String(s.default), 'constant', 'default', description);
  if (options.length === 0) return null;
  // A value typed in full needs nothing more (and Enter must then start a new line).
  if (cx.prefix !== '' && seen.has(cx.prefix)) return null;
  // Long lists only on request or once typing; short ones (enums, booleans) as soon as the value starts.
  if (!explicit && cx.prefix === '' && options.length > 8) return null;
  return { from: cx.from, to: cx.to, options, isValue: true };
}

/** The CodeMirror completion source. */
export function scenarioCompletionSource(context: CompletionContext): CompletionResult | null {
  const r = completionsFor(context.state.doc.toString(), context.pos, context.explicit);
  if (!r) return null;
  const options = r.options.map((o): Completion => {
    if (!r.chained?.has(o.label) || typeof o.apply !== 'string') return o;
    const text = o.apply;
    return {
      ...o,
      apply: (view, completion, from, to) => {
        view.dispatch(insertCompletionText(view.state, text, from, to));
        startCompletion(view);
      },
    };
  });
  return { from: r.from, to: r.to, options, ...(r.isValue ? {} : { validFor: /^[\w.-]*$/ }) };
}
