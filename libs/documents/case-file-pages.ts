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

/** Items in record order: by time, documents before records of the same instant, then in the given order. */
export function inRecordOrder<T extends Pick<CaseFileItem, 'at' | 'kind'>>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const t = Date.parse(a.item.at) - Date.parse(b.item.at);
      if (t) return t;
      const d = Number(a.item.kind !== 'document') - Number(b.item.kind !== 'document');
      return d || a.i - b.i;
    })
    .map(({ item }) => item);
}
