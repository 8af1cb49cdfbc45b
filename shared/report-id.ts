import { createHash } from 'node:crypto';

/** A report's id is a digest of its bytes: the same file uploaded twice, under any name, is one report. */
export function reportIdFor(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
