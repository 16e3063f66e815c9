import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// The main file by path, as pdfmake.d.ts declares it (not @types/pdfmake, which retypes fetch: see there).
import pdfmake from 'pdfmake/js/index';
import type { DocDefinition } from '#libs/documents/pdf';
import { type Coverage, fontCoverage, missingCharacters } from '#libs/documents/coverage';
import { FONT, drawnText } from '#libs/documents/layout';

const fontDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
const regular = join(fontDir, '400Regular', 'NotoSerifSC_400Regular.ttf');
const bold = join(fontDir, '700Bold', 'NotoSerifSC_700Bold.ttf');
let ready = false;
let coverage: Coverage | null = null;

/**
 * Renders a document definition to PDF with Noto Serif SC embedded as a subset (pdfmake's own
 * subsetter: pdf-lib's blanks CJK glyphs). The bytes are a function of the definition: its
 * `info.creationDate` fixes the dates and pdfkit derives the trailer /ID from the info, so the same
 * record renders to the same bytes. Reads the fonts from disk once; no other file or URL is read.
 */
export async function renderPdf(definition: DocDefinition): Promise<Buffer> {
  if (!ready) {
    pdfmake.setFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path === regular || path === bold);
    ready = true;
  }
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * The characters of the definition (its content, header and title) the font cannot draw: the PDF still
 * renders (they print blank), and the caller reports them. Reads the regular face's cmap once; the bold
 * face covers the same characters.
 */
export function fontGaps(definition: DocDefinition): string[] {
  coverage ??= fontCoverage(readFileSync(regular));
  return missingCharacters(coverage, [definition.info.title, definition.info.subject, ...drawnText(definition.content)].join('\n'));
}
