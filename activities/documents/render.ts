import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// The main file by path, as pdfmake.d.ts declares it (not @types/pdfmake, which retypes fetch: see there).
import pdfmake from 'pdfmake/js/index';
import type { DocDefinition } from '#libs/documents/pdf';
import { type Coverage, fontCoverage, missingCharacters } from '#libs/documents/coverage';
import { FONT, drawnText } from '#libs/documents/layout';

const fontDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
/** The faces' names in pdfmake's virtual file system, where they are kept as buffers once read. */
const REGULAR = 'NotoSerifSC_400Regular.ttf';
const BOLD = 'NotoSerifSC_700Bold.ttf';
let regularBytes: Buffer | null = null;
let coverage: Coverage | null = null;

/**
 * Reads the two faces (15 MB each) from disk once into pdfmake's virtual file system. Given a path,
 * pdfmake reads the file again for every document: a quarter of a 送达回证's render was that read and its
 * garbage (README "Documents", speed). The bytes fontkit parses are the same, so the PDFs are too.
 */
function loadFonts(): Buffer {
  if (!regularBytes) {
    regularBytes = readFileSync(join(fontDir, '400Regular', REGULAR));
    pdfmake.virtualfs.writeFileSync(REGULAR, regularBytes);
    pdfmake.virtualfs.writeFileSync(BOLD, readFileSync(join(fontDir, '700Bold', BOLD)));
    pdfmake.setFonts({ [FONT]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD } });
    pdfmake.setUrlAccessPolicy(() => false);
    // Nothing is read from disk while rendering: the fonts are in memory, and a template names no file.
    pdfmake.setLocalAccessPolicy(() => false);
  }
  return regularBytes;
}

/**
 * Renders a document definition to PDF with Noto Serif SC embedded as a subset (pdfmake's own
 * subsetter: pdf-lib's blanks CJK glyphs). The bytes are a function of the definition: its
 * `info.creationDate` fixes the dates and pdfkit derives the trailer /ID from the info, so the same
 * record renders to the same bytes. Each document parses the fonts afresh from the cached buffers: sharing
 * fontkit's parsed font would be faster, but it caches each glyph with the characters it was first reached
 * by, which the PDF's ToUnicode map records, so one document's bytes could depend on those rendered before.
 */
export async function renderPdf(definition: DocDefinition): Promise<Buffer> {
  loadFonts();
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * The characters of the definition (its content, header and title) the font cannot draw: the PDF still
 * renders (they print blank), and the caller reports them. Reads the regular face's cmap once; the bold
 * face covers the same characters.
 */
export function fontGaps(definition: DocDefinition): string[] {
  coverage ??= fontCoverage(loadFonts());
  return missingCharacters(coverage, [definition.info.title, definition.info.subject, ...drawnText(definition.content)].join('\n'));
}
