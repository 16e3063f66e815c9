import { IntField } from './fields';

/** Every list is paged: page from 1, 20 items by default, at most 100. */
export class PageQuery {
  @IntField('页码', 1, 100000, { optional: true }) page: number = 1;
  @IntField('每页条数', 1, 100, { optional: true }) pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageOf<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, page: q.page, pageSize: q.pageSize, total };
}
