import { fileSize, shortHash } from './hash';

describe('how a SHA-256 and a file size are shown', () => {
  const sha = '3f8e9ce1d454cf17bf91fd0f1c47b6277e315a0b4c2d9e8f7a6b5c4d3e2f1a04';

  it('shortens a SHA-256 to its first and last 8 digits, and keeps anything short whole', () => {
    expect(shortHash(sha)).toBe('3f8e9ce1…3e2f1a04');
    expect(shortHash('abc123')).toBe('abc123');
  });

  it('gives sizes in B, KB, MB and GB with at most one decimal under 10', () => {
    expect([812, 3482, 1024 ** 2 * 1.25, 1024 ** 2 * 37.6, 1024 ** 3 * 2.05].map(fileSize)).toEqual([
      '812 B',
      '3.4 KB',
      '1.3 MB',
      '38 MB',
      '2.0 GB',
    ]);
  });
});
