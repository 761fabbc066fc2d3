import { createHash } from 'node:crypto';

// A fixed namespace for this platform's name-based UUIDs (RFC 9562, version 5).
const namespace = Buffer.from('6f1c2b7e4d9a4c1e8b3f5a7d2e9c0b14', 'hex');

/**
 * The same UUID every time for the same name, so seeded records keep their ids across machines and
 * re-seeding, and links to /api/hsds/services/{id} stay valid.
 */
export function stableId(name: string): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
