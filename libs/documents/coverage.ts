/**
 * Which characters a TrueType/OpenType font can draw, read from its `cmap` table (the format 12
 * subtable: every Unicode code point, ranges of them mapped to glyphs). Pure: the caller reads the file.
 * Why: a character the font lacks prints blank while text extraction still finds it, so the gap must be
 * found before rendering and reported.
 */
export interface Coverage {
  has(codePoint: number): boolean;
}

export function fontCoverage(font: Buffer): Coverage {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('font without a cmap table');
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + 8 * i;
    const sub = cmap + font.readUInt32BE(rec + 4);
    if (font.readUInt16BE(sub) !== 12) continue;
    const groups = font.readUInt32BE(sub + 12);
    const ranges: [number, number, number][] = [];
    for (let g = 0; g < groups; g++) {
      const at = sub + 16 + 12 * g;
      ranges.push([font.readUInt32BE(at), font.readUInt32BE(at + 4), font.readUInt32BE(at + 8)]);
    }
    return {
      has(cp) {
        // Groups are sorted by start code (OpenType cmap format 12): binary search.
        let lo = 0;
        let hi = ranges.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const [start, end, glyph] = ranges[mid];
          if (cp < start) hi = mid - 1;
          else if (cp > end) lo = mid + 1;
          else return glyph + (cp - start) !== 0;
        }
        return false;
      },
    };
  }
  throw new Error('font without a format 12 cmap subtable');
}

/** The characters of `text` the font lacks, each once, in order of appearance (spaces and controls aside). */
export function missingCharacters(coverage: Coverage, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && !coverage.has(cp)) missing.add(ch);
  }
  return [...missing];
}
