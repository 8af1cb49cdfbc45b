/**
 * JSON with every object's keys in order, so two equal values always give the same text, however
 * they were built or read back (DynamoDB keeps no order among a map's keys).
 */
export function canonicalJson(value: unknown): string {
  const canonical = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(canonical)
      : item && typeof item === 'object'
        ? Object.fromEntries(
            Object.entries(item)
              .filter(([, each]) => each !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, each]) => [key, canonical(each)]),
          )
        : item;
  return JSON.stringify(canonical(value));
}
