import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { type CaseFileFacts, caseFileFrontDocument, remarksSheetDocument } from '#libs/documents/case-file';
import { type CaseFileItem, pageRanges } from '#libs/documents/case-file-pages';
import { renderPdf } from './render';

/** A line of the 案卷 and, for a generated document, its stored PDF (joined as it is). */
export interface CaseFilePart {
  item: Omit<CaseFileItem, 'pages'>;
  pdf: Uint8Array | null;
}

/**
 * The 案卷 as one PDF: the cover and the 卷内文件目录 (pdfmake, the house layout), the stored document
 * PDFs joined as they are with pdf-lib's copyPages (their embedded font subsets untouched: pdf-lib's own
 * subsetter blanks CJK glyphs, pdf-lib #1232), each document page stamped with its continuous 页号 at the
 * top right, and the 备考表; cover, catalogue and 备考表 unnumbered, as archive practice requires.
 * Byte-reproducible: every date is the record's (`facts.madeAt`), pdf-lib writes no /ID for a new
 * document, and the producer is fixed, so the same record gives the same bytes.
 */
export async function caseFilePdf(facts: CaseFileFacts, parts: readonly CaseFilePart[]): Promise<Buffer> {
  const sources = await Promise.all(parts.map((p) => (p.pdf ? PDFDocument.load(p.pdf, { updateMetadata: false }) : null)));
  const items: CaseFileItem[] = parts.map((p, i) => ({ ...p.item, pages: sources[i]?.getPageCount() ?? 0 }));
  const [front, remarks] = await Promise.all([
    renderPdf(caseFileFrontDocument(facts, items)),
    renderPdf(remarksSheetDocument(facts, items)),
  ]);
  const out = await PDFDocument.create({ updateMetadata: false });
  const digits = await out.embedFont(StandardFonts.Helvetica);
  await append(out, await PDFDocument.load(front, { updateMetadata: false }));
  const ranges = pageRanges(items);
  for (const [i, source] of sources.entries()) {
    if (!source) continue;
    const pages = await append(out, source);
    pages.forEach((page, n) => stampPageNumber(page, ranges[i]!.from + n, digits));
  }
  await append(out, await PDFDocument.load(remarks, { updateMetadata: false }));
  const madeAt = new Date(facts.madeAt);
  out.setTitle(`行政执法案卷${facts.caseNumber ? ` ${facts.caseNumber}` : ''}`);
  out.setAuthor(facts.agencyName);
  out.setSubject(facts.parties.map((p) => p.name).join('、'));
  out.setCreator('lawtrail');
  out.setProducer('lawtrail (pdfmake, pdf-lib)');
  out.setCreationDate(madeAt);
  out.setModificationDate(madeAt);
  return Buffer.from(await out.save());
}

async function append(out: PDFDocument, source: PDFDocument): Promise<PDFPage[]> {
  const pages = await out.copyPages(source, source.getPageIndices());
  for (const page of pages) out.addPage(page);
  return pages;
}

/** The 页号 in Arabic numerals at the top right, clear of the house layout's 72 pt margins. */
function stampPageNumber(page: PDFPage, n: number, font: PDFFont): void {
  const text = String(n);
  const size = 11;
  const { width, height } = page.getSize();
  page.drawText(text, { x: width - 40 - font.widthOfTextAtSize(text, size), y: height - 36, size, font });
}
