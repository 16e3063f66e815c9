import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import type { ArchivingRules } from '../profiles/schema';
import { chinaDate } from '../calendar/dates';
import { type CaseFileItem, pageLabel, pageRanges } from './case-file-pages';
import type { CaseFileCorrection } from './case-file-versions';
import { chineseDate, chineseTime, documentDefinition, fieldTable } from './layout';
import { partyNames } from './parties';

/** The archive fields a profile may ask for (003 第五条第（五）项), as the cover labels them. */
export const ARCHIVE_FIELD_LABELS: Record<NonNullable<ArchivingRules['fields']>['fields'][number], string> = {
  archive_number: '归档编号',
  category: '类别',
  retention_period: '保管期限',
  start_date: '起始日期',
  end_date: '终止日期',
};

/** What the 案卷 says about itself, read from the record, the case's row, its pinned profile and its archive. */
export interface CaseFileFacts {
  agencyName: string;
  caseNumber: string | null;
  decisionNumber: string | null;
  /** 案由: the reason the case was started, as filed. */
  cause: string;
  parties: Party[];
  /** 立案: the filing's record entry time; 结案: the case's end (instants), null where not yet. */
  filedAt: string | null;
  closedAt: string | null;
  retentionPeriod: string | null;
  /** The archive fields the pinned profile asks for, in its order, with the archivist's values (null before archiving). */
  archiveFields: { label: string; value: string | null }[];
  /** Who archived it and when (the `case_archived` entry), and where the file is kept; null for a draft. */
  archived: { by: string; at: string; location: string } | null;
  /** The completeness check: what is missing, and the reason given for archiving anyway. */
  missing: string[];
  incompleteReason: string | null;
  /** Each corrected document: the version replaced, the one in force in the 案卷, when, by whom and why. */
  corrections: CaseFileCorrection[];
  /** The instant the 案卷 is dated by (archived: the archive entry's; draft: the record's last entry's). */
  madeAt: string;
}

const toFill = '（归档时填写）';
const unnumbered = (d: DocDefinition): DocDefinition => ({ ...d, footer: () => '' });

/**
 * The 案卷封面 and the 卷内文件目录 (one definition: the catalogue starts on a new page), unnumbered as
 * archive practice requires. The 页号 column is computed from the documents' page counts (`pageRanges`).
 */
export function caseFileFrontDocument(f: CaseFileFacts, items: readonly CaseFileItem[]): DocDefinition {
  const rows: [string, Content][] = [
    ['作出机关', f.agencyName],
    ['案号', f.caseNumber ?? '（未编号）'],
    ['处罚决定书文号', f.decisionNumber ?? '（无）'],
    ['案由', f.cause || '（未记录）'],
    ['当事人', partyNames(f.parties) || '（未记录）'],
    ['立案日期', f.filedAt ? chineseDate(chinaDay(f.filedAt)) : '（未立案）'],
    ['结案日期', f.closedAt ? chineseDate(chinaDay(f.closedAt)) : '（未结案）'],
    ['保管期限', f.retentionPeriod ?? toFill],
  ];
  // The fields the agency's own rules add (from its profile), each once.
  for (const a of f.archiveFields) if (!rows.some(([label]) => label === a.label)) rows.push([a.label, a.value ?? toFill]);
  const ranges = pageRanges(items);
  const header = ['序号', '文书名称/题名', '文号', '日期', '页号', '备注'].map((text): Content => ({
    text,
    style: 'label',
    alignment: 'center',
  }));
  const body: Content[][] = items.map((item, i) => [
    { text: String(i + 1), alignment: 'center' },
    item.title,
    item.number ?? '',
    chineseDate(chinaDay(item.at)),
    { text: pageLabel(ranges[i]), alignment: 'center' },
    { text: remark(item), fontSize: 8 },
  ]);
  const definition = documentDefinition(
    {
      agencyName: f.agencyName,
      title: f.archived ? '行政执法案卷' : '行政执法案卷（草稿）',
      number: f.caseNumber ? `案号：${f.caseNumber}` : null,
      madeAt: f.madeAt,
      subject: partyNames(f.parties),
    },
    [
      fieldTable(rows, 110),
      { text: '卷内文件目录', style: 'title', pageBreak: 'before' },
      { table: { widths: [26, '*', 72, 72, 36, 100], headerRows: 1, body: [header, ...body] }, layout: 'grid', fontSize: 10 },
    ],
  );
  return unnumbered(definition);
}

/** The 备考表: what the file lacks and why, who made it up and when; the checker signs by hand. */
export function remarksSheetDocument(f: CaseFileFacts, items: readonly CaseFileItem[]): DocDefinition {
  const documents = items.filter((i) => i.pages > 0);
  const pages = documents.reduce((n, i) => n + i.pages, 0);
  const records = items.filter((i) => i.pages === 0);
  const av = records.filter((i) => i.kind === 'audiovisual').length;
  const hand = (): Content => ({ text: '\n\n年    月    日', alignment: 'right' });
  const rows: [string, Content][] = [
    ['本卷情况说明', `本卷共有文书${documents.length}件，共${pages}页；另有记录${records.length}份（其中音像记录${av}份，见电子文件）。`],
    ['缺少的文书', f.missing.length ? f.missing.map((m, i) => `${i + 1}. ${m}`).join('\n') : '无'],
    ['缺少的原因', f.incompleteReason ?? (f.missing.length ? '（未说明）' : '—')],
    ['更正的文书', f.corrections.length ? f.corrections.map((c, i) => `${i + 1}. ${correctionLine(c)}`).join('\n') : '无'],
    ['归档', f.archived ? `${chineseTime(f.archived.at)}归档，存放于${f.archived.location}` : '尚未归档（草稿）'],
    ['立卷人', { stack: [f.archived?.by ?? '', hand()] }],
    ['检查人', { stack: ['', hand()] }],
  ];
  const definition = documentDefinition(
    {
      agencyName: f.agencyName,
      title: '备考表',
      number: f.caseNumber ? `案号：${f.caseNumber}` : null,
      madeAt: f.madeAt,
      subject: partyNames(f.parties),
    },
    [fieldTable(rows, 110)],
  );
  return unnumbered(definition);
}

/**
 * The catalogue's 备注: where a record without a PDF is (an audio-video file by name and SHA-256); for a
 * corrected document, the version in force the 案卷 holds, by its SHA-256, the 备考表 saying what it replaced.
 */
function remark(item: CaseFileItem): string {
  if (item.kind === 'audiovisual') {
    if (!item.file) return '文件未存储';
    return `${item.file.name}\nSHA-256：\n${hashLines(item.file.sha256)}\n见电子文件`;
  }
  if (item.kind === 'written') return '见执法记录';
  const version = item.version ?? 1;
  return version > 1 && item.sha256 ? `第${version}版，SHA-256：\n${hashLines(item.sha256)}\n见备考表` : '';
}

/** A hash has no break opportunity: four lines of sixteen digits. */
const hashLines = (sha256: string): string => sha256.match(/.{1,16}/g)!.join('\n');

/** One correction in the 备考表, each version named by the first 16 digits of its SHA-256 (its full hash is in the package). */
function correctionLine(c: CaseFileCorrection): string {
  const v = (x: CaseFileCorrection['by']) => `第${x.version}版（SHA-256：${x.sha256.slice(0, 16)}…）`;
  const name = `${c.title}${c.number ? `（${c.number}）` : ''}`;
  return `${name}${v(c.replaced)}于${chineseTime(c.at)}由${c.actorName || '（未记录）'}更正为${v(c.by)}，理由：${c.reason || '（未说明）'}`;
}

const chinaDay = (instant: string): string => chinaDate(new Date(instant));
