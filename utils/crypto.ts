// SHA-256 through WebCrypto: present in the page, the service worker, extension
// pages and Node 20, so evidence hashes are computed the same way everywhere.

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const ZERO_HASH = '0'.repeat(64);
