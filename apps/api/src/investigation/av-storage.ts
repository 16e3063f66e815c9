import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Env } from '#libs/config/env';
import { ApiException } from '../common/api.exception';
import { ENV } from '../env.token';

/**
 * Audiovisual files by content hash: `<storage>/sha256/ab/abcdef…`. The same content is stored
 * once; a file is written to a temporary name and renamed into place only once its upload was
 * accepted, so no half-written or refused file ever has a hash name. The database keeps only the hash.
 */
@Injectable()
export class AvStorage {
  constructor(@Inject(ENV) private readonly env: Env) {}

  pathOf(sha256: string): string {
    return join(this.env.storageDir, 'sha256', sha256.slice(0, 2), sha256);
  }

  /** The SHA-256 of the stored file now, or null if it is missing: for checking it was not altered. */
  async hashOf(sha256: string): Promise<string | null> {
    const hash = createHash('sha256');
    try {
      await pipeline(createReadStream(this.pathOf(sha256)), hash);
      return hash.digest('hex');
    } catch {
      return null;
    }
  }

  /**
   * Streams the body to a temporary file, hashing it on the way. Nothing is under a hash name until
   * the caller `keep`s it (the upload was accepted); every other outcome `discard`s it, so a refused
   * upload leaves no bytes. A body that fails mid-way (too large, cut off) is removed at once.
   */
  async receive(body: Readable): Promise<StagedFile> {
    const tmpDir = join(this.env.storageDir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const max = this.env.maxUploadBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new ApiException('BODY_TOO_LARGE'));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const discard = () => rm(tmp, { force: true });
    try {
      await pipeline(body, meter, createWriteStream(tmp));
      if (size === 0) throw new ApiException('AV_FILE_EMPTY');
    } catch (err) {
      await discard();
      throw err;
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    return {
      sha256,
      size,
      discard,
      keep: async () => {
        await mkdir(join(final, '..'), { recursive: true });
        // The same content is stored once; renaming over it would change nothing but its inode.
        if (
          await stat(final).then(
            () => true,
            () => false,
          )
        )
          await discard();
        else await rename(tmp, final);
      },
    };
  }
}

/** A received upload, not yet stored: kept once accepted, discarded otherwise (both idempotent). */
export interface StagedFile {
  sha256: string;
  size: number;
  keep(): Promise<void>;
  discard(): Promise<void>;
}
