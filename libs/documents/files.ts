import { join } from 'node:path';

/** Where content stored by hash lies: `<storage>/sha256/ab/abcdef…` (audio-video files and documents alike). */
export const contentPath = (storageDir: string, sha256: string): string => join(storageDir, 'sha256', sha256.slice(0, 2), sha256);
