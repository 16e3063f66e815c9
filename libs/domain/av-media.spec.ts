import { createHash } from 'node:crypto';
import { announcedSha256, avMediaType } from './av-media';

it('takes an audiovisual media type without its parameters, and nothing else', () => {
  expect(avMediaType('Video/MP4; codecs="avc1.42E01E"')).toBe('video/mp4');
  expect(avMediaType(undefined)).toBe('application/octet-stream');
  expect(avMediaType('application/json')).toBeNull();
  expect(avMediaType('text/html')).toBeNull();
  expect(avMediaType('x'.repeat(5000))).toBeNull();
});

it('reads the SHA-256 of a Content-Digest header (RFC 9530)', () => {
  const digest = createHash('sha256').update('abc');
  const b64 = digest.copy().digest('base64');
  expect(announcedSha256(`sha-256=:${b64}:`)).toBe(digest.digest('hex'));
  expect(announcedSha256(`sha-512=:AAAA:, sha-256=:${b64}:`)).toHaveLength(64);
  expect(announcedSha256(undefined)).toBeUndefined();
  expect(announcedSha256('sha-512=:AAAA:')).toBeNull();
  expect(announcedSha256('sha-256=abc')).toBeNull();
});
