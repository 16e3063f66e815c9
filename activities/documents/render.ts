import { dirname, join } from 'node:path';
// The main file by path: the package name would resolve to @types/pdfmake (see pdfmake.d.ts).
import pdfmake from 'pdfmake/js/index';
import type { DocDefinition } from '#libs/documents/pdf';
import { FONT } from '#libs/documents/layout';

const fontDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
const regular = join(fontDir, '400Regular', 'NotoSerifSC_400Regular.ttf');
const bold = join(fontDir, '700Bold', 'NotoSerifSC_700Bold.ttf');
let ready = false;

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
