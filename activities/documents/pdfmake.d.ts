// pdfmake 0.3's server-side API (its main file, js/index.js: one instance), as far as lawtrail uses it.
// @types/pdfmake 0.3.3 (not installed) describes the same calls but references lib "dom", which would retype the whole
// program's fetch and Buffer.
declare module 'pdfmake/js/index' {
  import type { DocDefinition } from '#libs/documents/pdf';
  interface PdfMake {
    /** pdfmake's in-memory files: a font named here is read from memory, not from disk. */
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(definition: DocDefinition): { getBuffer(): Promise<Buffer> };
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}
