/**
 * Deep Object.freeze for what crosses the scenario boundary (style.md rule 16):
 * stray mutation by the model or the UI throws in strict mode instead of
 * silently changing a shared Scenario.
 */

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
