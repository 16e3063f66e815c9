import type { Period } from '../calendar/period-types';
import type { Content, DocDefinition } from './pdf';

/** The one font family of every document (Noto Serif SC, embedded as a subset by the renderer). */
export const FONT = 'NotoSerifSC';

/** What every document shares: the heading and the facts that make it reproducible. */
export interface DocumentFrame {
  /** The agency's name from its profile: the heading (作出机关). */
  agencyName: string;
  /** The document's title, e.g. 行政处罚决定书. */
  title: string;
  /** What stands at the right under the title, e.g. `兴罚决〔2026〕1号` or `案号：…`; none when null. */
  number: string | null;
  /**
   * The instant of the step that made the document (its record entry's time): the PDF's creation and
   * modification dates, so the same record gives the same bytes.
   */
  madeAt: string;
  /** The document's subject line in the PDF's metadata (the case or the party). */
  subject: string;
}

const DIGITS = '零一二三四五六七八九';

/** 15 → 十五, 60 → 六十, 105 → 一百零五: the figures of a 执法文书's body (below ten thousand). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const [unit, size] = n < 1000 ? ['百', 100] : ['千', 1000];
  const rest = n % size;
  const tail =
    rest === 0 ? '' : rest < size / 10 ? `零${chineseNumber(rest)}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / size)]}${unit}${tail}`;
}

/** A profile's period as a 执法文书 writes it: 十五日, 六个月, 十个工作日. */
export function chinesePeriod(period: Period): string {
  const n = chineseNumber(period.amount);
  return { hour: `${n}小时`, day: `${n}日`, workday: `${n}个工作日`, month: `${n}个月` }[period.unit];
}

/** `2026-05-01` → `2026年5月1日`, as 执法文书 write dates. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant → its China date and time, `2026年5月1日 14时30分` (UTC+08:00 all year). */
export function chineseTime(instant: string): string {
  const t = new Date(Date.parse(instant) + 8 * 3600_000);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${t.getUTCHours()}时${String(t.getUTCMinutes()).padStart(2, '0')}分`;
}

/** A check box line: ■ before the chosen option, □ before the others (no font here has ☐). */
export function checkBoxes(options: readonly string[], chosen: string | null): string {
  return options.map((o) => `${o === chosen ? '■' : '□'}${o}`).join('  ');
}

/** Fields as a two-column table (label, value), as the 文书格式范本 lay out forms. */
export function fieldTable(rows: [string, Content][], labelWidth = 96): Content {
  const body: Content[][] = rows.map(([label, value]) => [{ text: label, style: 'label' }, value]);
  return { table: { widths: [labelWidth, '*'], body }, layout: 'grid', margin: [0, 6, 0, 6] } as Content;
}

/** A paragraph of the document's body, indented two characters as Chinese documents are. */
export function paragraph(text: string): Content {
  return { text, style: 'body', leadingIndent: 24 };
}

/** The signature or seal block at the right: who (and in what capacity) and when. */
export function signatureBlock(lines: string[]): Content {
  return { stack: lines.map((text) => ({ text, alignment: 'right' })), margin: [0, 12, 0, 0], style: 'body' };
}

/**
 * The page of every 执法文书: A4, the agency as heading, the title, the number at the right, the body,
 * and "第 X 页 共 Y 页" at the foot. Dates and identity come from the frame only, so the definition —
 * and with the same fonts the PDF — is a function of the record.
 */
export function documentDefinition(frame: DocumentFrame, body: Content[]): DocDefinition {
  const madeAt = new Date(frame.madeAt);
  const head: Content[] = [
    { text: frame.agencyName, style: 'agency' },
    { text: frame.title, style: 'title' },
    ...(frame.number ? [{ text: frame.number, style: 'number' } as Content] : []),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [72, 64, 72, 64],
    info: {
      title: `${frame.title}${frame.number ? ` ${frame.number}` : ''}`,
      author: frame.agencyName,
      subject: frame.subject,
      creator: 'lawtrail',
      producer: 'lawtrail (pdfmake)',
      creationDate: madeAt,
      modDate: madeAt,
    },
    content: [...head, ...body],
    footer: (currentPage: number, pageCount: number) => ({
      text: `第 ${currentPage} 页 共 ${pageCount} 页`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 24, 0, 0],
    }),
    defaultStyle: { font: FONT, fontSize: 12, lineHeight: 1.3 },
    styles: {
      agency: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      title: { fontSize: 22, bold: true, alignment: 'center', characterSpacing: 2, margin: [0, 0, 0, 10] },
      number: { fontSize: 12, alignment: 'right', margin: [0, 0, 0, 12] },
      label: { bold: true },
      body: { fontSize: 12, margin: [0, 2, 0, 2] },
      note: { fontSize: 10, margin: [0, 8, 0, 0] },
    },
  };
}

/** Every string a definition draws, in order: what the font must cover. */
export function drawnText(c: Content | Content[]): string[] {
  if (Array.isArray(c)) return c.flatMap(drawnText);
  if (typeof c === 'string') return [c];
  if ('text' in c) return typeof c.text === 'string' ? [c.text] : drawnText(c.text);
  if ('stack' in c) return drawnText(c.stack);
  return c.table.body.flatMap((row) => drawnText(row));
}
