import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentPath } from '#libs/documents/files';

/**
 * Writes a document's bytes under their SHA-256 in the storage the audio-video files use
 * (`<storage>/sha256/ab/abcdef…`), through a temporary name and a rename, so no half-written file ever has
 * a hash name. The same bytes are stored once. Safe to retry.
 */
export async function storeBytes(storageDir: string, bytes: Buffer): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const final = contentPath(storageDir, sha256);
  const exists = await stat(final).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const tmpDir = join(storageDir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(join(final, '..'), { recursive: true });
    const tmp = join(tmpDir, `${sha256}.${process.pid}.pdf`);
    await writeFile(tmp, bytes);
    await rename(tmp, final);
  }
  return { sha256, size: bytes.length };
}
