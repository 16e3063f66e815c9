/**
 * The media types an audiovisual file (音像记录: photos, sound and video from 执法记录仪, cameras and
 * surveillance) may be uploaded as. `application/octet-stream` stays allowed: a recorder's export often
 * carries no better type. Anything else (JSON, HTML, scripts, archives…) is not an audiovisual record.
 */
export const AV_MEDIA_TYPES = [
  'video/mp4',
  'video/quicktime',
  'video/x-msvideo',
  'video/mpeg',
  'video/mp2t',
  'video/3gpp',
  'video/webm',
  'video/x-matroska',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/x-wav',
  'audio/amr',
  'audio/ogg',
  'audio/webm',
  'audio/3gpp',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'image/webp',
  'image/tiff',
  'image/bmp',
  'application/octet-stream',
] as const;

/**
 * The upload's media type as stored (lower case, without parameters), or null when it is not on the
 * list. No header means `application/octet-stream`.
 */
export function avMediaType(header: string | undefined): string | null {
  const type = (header ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
  return (AV_MEDIA_TYPES as readonly string[]).includes(type) ? type : null;
}

/**
 * The SHA-256 a `Content-Digest` header (RFC 9530: `sha-256=:<base64>:`) announces, in hex; undefined
 * without the header, null when it names no SHA-256 the server can check.
 */
export function announcedSha256(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const m = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/]{43}=):\s*(?:,|$)/.exec(header);
  return m ? Buffer.from(m[1], 'base64').toString('hex') : null;
}
