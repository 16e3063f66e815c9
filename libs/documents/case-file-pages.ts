/**
 * One line of the 卷内文件目录: a generated document (its PDF joined into the 案卷), or a written or
 * audio-video record of the catalogue that has no document PDF (listed, without pages).
 */
export interface CaseFileItem {
  kind: 'document' | 'written' | 'audiovisual';
  /** 文书名称 or the record's 题名. */
  title: string;
  /** 文号 (a document's own number), if any. */
  number: string | null;
  /** When it was made or recorded (an instant): the catalogue prints its China date. */
  at: string;
  /** A document's version (the one in force; more than 1 after a correction, see the 备考表). */
  version?: number;
  /** A document's SHA-256 (the version in force). */
  sha256?: string;
  /** Pages of its PDF in the 案卷 (0: no PDF, listed only). */
  pages: number;
  /** An audio-video record's file in the export package and its SHA-256 ("见电子文件"), or null when not stored. */
  file?: { name: string; sha256: string } | null;
}

/** A document's place in the 案卷's continuous numbering (页号, from 1, both ends included). */
export interface PageRange {
  from: number;
  to: number;
}

/**
 * The 页号 of each item: the documents' pages numbered continuously in catalogue order from 1 (cover,
 * catalogue and 备考表 are not numbered, as archive practice requires); null for an item without pages.
 */
export function pageRanges(items: readonly Pick<CaseFileItem, 'pages'>[]): (PageRange | null)[] {
  let next = 1;
  return items.map((item) => {
    if (item.pages <= 0) return null;
    const range = { from: next, to: next + item.pages - 1 };
    next += item.pages;
    return range;
  });
}

/** `3` or `3–5`, as the catalogue's 页号 column prints a range. */
export const pageLabel = (r: PageRange | null): string => (r === null ? '' : r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`);

/** Parts in record order: by time, a document before a record of the same instant, else as given. */
export function inRecordOrder<T>(parts: readonly T[], itemOf: (part: T) => Pick<CaseFileItem, 'at' | 'kind'>): T[] {
  const late = (p: T) => Number(itemOf(p).kind !== 'document');
  return parts
    .map((part, i) => ({ part, i }))
    .sort((a, b) => Date.parse(itemOf(a.part).at) - Date.parse(itemOf(b.part).at) || late(a.part) - late(b.part) || a.i - b.i)
    .map(({ part }) => part);
}
