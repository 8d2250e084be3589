import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from './sha256';

const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Sha256 (incremental)', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003])(
    'matches node:crypto for %i bytes fed in uneven pieces',
    (n) => {
      const data = new Uint8Array(randomBytes(n));
      const h = new Sha256();
      let i = 0;
      for (const step of [1, 7, 64, 3, 200]) {
        h.update(data.subarray(i, Math.min(n, i + step)));
        i = Math.min(n, i + step);
      }
      h.update(data.subarray(i));
      expect(h.hex()).toBe(node(data));
    },
  );

  it('gives the known digest of "abc"', () => {
    expect(new Sha256().update(new TextEncoder().encode('abc')).hex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
