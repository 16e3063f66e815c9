/**
 * The file name a Content-Disposition header gives: the UTF-8 `filename*` (RFC 5987, the Chinese
 * name the API sends) before the ASCII `filename`, else the fallback.
 */
export function fileNameOf(header: string | null, fallback: string): string {
  const extended = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: the plain name below is the server's own fallback.
    }
  }
  return header?.match(/filename="([^"]*)"/i)?.[1] || fallback;
}
