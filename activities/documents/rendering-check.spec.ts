import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentDefinition } from '#libs/documents/layout';
import { ensurePoppler } from '../../test/support/poppler';
import { renderPdf } from './render';

// Text extraction passes even when a glyph is drawn blank (pdf-lib's CJK subsetter did that): so the
// rare characters of names (喆 堃 昇 赟 䶮) and the check boxes are rendered with pdftoppm and compared
// with a stored reference image (PGM, the raw format pdftoppm writes) within a tolerance.
// LAWTRAIL_UPDATE_REFERENCE=1 writes the reference anew (look at it before committing it).
const RARE = '喆 堃 昇 赟 䶮 □ ■';
const REFERENCE = join(__dirname, 'reference', 'rare-characters.pgm');
/** The band of page 1 at 72 dpi where the line stands (below the heading, title and number). */
const CROP = ['-r', '72', '-gray', '-f', '1', '-l', '1', '-x', '100', '-y', '186', '-W', '396', '-H', '52'];

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

/** A binary PGM (P5, 8 bits) as pdftoppm -gray writes it. */
function parsePgm(b: Buffer): Gray {
  const header = b.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not an 8-bit binary PGM');
  const [, width, height] = header.map(Number);
  return { width, height, pixels: b.subarray(header[0].length) };
}

/** Dark pixels per column: the ink of each glyph along the line. */
const inkPerColumn = (g: Gray): number[] =>
  Array.from(
    { length: g.width },
    (_, x) => Array.from({ length: g.height }, (_, y) => g.pixels[y * g.width + x]).filter((v) => v < 128).length,
  );

/** The glyphs: runs of inked columns separated by at least 6 blank ones. */
function glyphs(ink: number[]): number[] {
  const found: number[] = [];
  let gap = Infinity;
  for (const n of ink) {
    if (n > 0) {
      if (gap >= 6) found.push(0);
      found[found.length - 1] += n;
      gap = 0;
    } else gap++;
  }
  return found;
}

/** Where an image departs from the reference beyond the tolerance; empty when it matches. */
function departures(now: Gray, ref: Gray): string[] {
  if (now.width !== ref.width || now.height !== ref.height)
    return [`size ${now.width}×${now.height}, reference ${ref.width}×${ref.height}`];
  const problems: string[] = [];
  // Seven glyphs, each with ink (a blank glyph drops one), each close to its reference.
  const [a, b] = [glyphs(inkPerColumn(now)), glyphs(inkPerColumn(ref))];
  if (a.length !== b.length) problems.push(`${a.length} glyphs drawn, reference ${b.length}`);
  else
    a.forEach(
      (ink, i) => Math.abs(ink - b[i]) > Math.max(8, b[i] * 0.15) && problems.push(`glyph ${i + 1}: ink ${ink}, reference ${b[i]}`),
    );
  // And the picture as a whole: the mean difference per pixel stays small (antialiasing may differ a little).
  let diff = 0;
  for (let i = 0; i < ref.pixels.length; i++) diff += Math.abs(now.pixels[i] - ref.pixels[i]);
  if (diff / ref.pixels.length >= 6) problems.push(`mean difference ${(diff / ref.pixels.length).toFixed(1)} per pixel`);
  return problems;
}

async function rendered(text: string): Promise<Gray> {
  const pdf = await renderPdf(
    documentDefinition(
      {
        agencyName: '兴隆台区民政局',
        title: '送达回证',
        number: '案号：兴民罚立〔2026〕12号',
        madeAt: '2026-05-06T06:00:00.000Z',
        subject: '王喆堃',
      },
      [{ text, fontSize: 32, alignment: 'center' }],
    ),
  );
  const image = execFileSync('pdftoppm', [...CROP, '-'], { input: pdf });
  if (text === RARE && process.env.LAWTRAIL_UPDATE_REFERENCE === '1') writeFileSync(REFERENCE, image);
  return parsePgm(image);
}

beforeAll(() => ensurePoppler());

it('draws every rare character and both check boxes, as the reference image does', async () => {
  expect(departures(await rendered(RARE), parsePgm(readFileSync(REFERENCE)))).toEqual([]);
});

it('would catch a glyph drawn blank', async () => {
  // 䶮 replaced by an ideographic space: the text is as long, one glyph has no ink.
  expect(departures(await rendered(RARE.replace('䶮', '\u3000')), parsePgm(readFileSync(REFERENCE)))).toContainEqual(
    expect.stringMatching(/^6 glyphs drawn/),
  );
});
