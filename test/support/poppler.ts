import { execFileSync, spawnSync } from 'node:child_process';

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;

/**
 * The tests of the 执法文书 read PDFs with poppler's `pdftotext` and `pdftoppm`. Where they are missing
 * and the machine's package manager may install them (root with apt-get, or Homebrew), they are
 * installed; otherwise the test stops with what to install.
 */
export function ensurePoppler(): void {
  if (has('pdftotext') && has('pdftoppm')) return;
  const root = process.getuid?.() === 0;
  try {
    if (root && has('apt-get')) execFileSync('apt-get', ['install', '-y', '-q', 'poppler-utils'], { stdio: 'ignore' });
    else if (has('brew')) execFileSync('brew', ['install', 'poppler'], { stdio: 'ignore' });
  } catch {
    // told below
  }
  if (!has('pdftotext') || !has('pdftoppm'))
    throw new Error(
      'pdftotext/pdftoppm (poppler) are missing: install poppler-utils (apt-get install poppler-utils, or brew install poppler)',
    );
}

/** The text of a PDF, as `pdftotext -layout` extracts it. */
export const pdfText = (pdf: Buffer): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
