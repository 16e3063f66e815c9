/**
 * `attachment` with the Chinese file name (RFC 6266 / RFC 5987 `filename*=UTF-8''…`) and an ASCII fallback
 * for clients that read only `filename` (never raw UTF-8 in a header).
 */
export function contentDisposition(fileName: string, ascii: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
