/**
 * A problem found in a scenario file, positioned for a human:
 * `file:line:column: field.path: what is wrong; what would be valid`.
 */
export interface ScenarioError {
  readonly file: string;
  /** 1-based; 0 when the position is unknown (e.g. a missing top-level key). */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly column: number;
  /** Dotted field path, e.g. `services.catalog.endpoints.list[0].cpu`; '' for the whole file. */
  readonly path: string;
  readonly message: string;
}

export function formatError(e: ScenarioError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return e.path ? `${where}: ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}

export type LoadResult =
  | { readonly ok: true; readonly scenario: import('./types').Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };
