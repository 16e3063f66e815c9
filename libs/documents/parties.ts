import type { Content } from './pdf';
import type { Party } from '../domain/case';
import { fieldTable } from './layout';

/** Each party as the 范本 name them: name, kind, ID number, address, phone (the ones recorded). */
export function partyTable(parties: readonly Party[]): Content {
  const rows: [string, Content][] = [];
  parties.forEach((p, i) => {
    const n = parties.length > 1 ? `（${i + 1}）` : '';
    rows.push([`当事人${n}`, `${p.name}（${p.kind === 'person' ? '自然人' : '法人或其他组织'}）`]);
    if (p.idNumber) rows.push([p.kind === 'person' ? '身份证件号码' : '统一社会信用代码', p.idNumber]);
    if (p.address) rows.push([p.kind === 'person' ? '住址' : '住所', p.address]);
    if (p.phone) rows.push(['联系电话', p.phone]);
  });
  // A case may name no party yet (a record entered before the form asked for one): the row stays, blank.
  return fieldTable(rows.length ? rows : [['当事人', '（未记录）']]);
}

/** The parties' names in one line, for metadata and file names. */
export const partyNames = (parties: readonly Party[]): string => parties.map((p) => p.name).join('、');
