import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
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

/** How many rows the page skips. */
export const skipOf = (q: PageQuery): number => (q.page - 1) * q.pageSize;

export function pageOf<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, page: q.page, pageSize: q.pageSize, total };
}

/** The response class of a page of `item`s, named `<item>Page` in the OpenAPI document. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class Paged implements Page<T> {
    @ApiProperty({ type: () => item, isArray: true }) items: T[];
    @ApiProperty({ type: 'integer', description: '页码' }) page: number;
    @ApiProperty({ type: 'integer', description: '每页条数' }) pageSize: number;
    @ApiProperty({ type: 'integer', description: '总条数' }) total: number;
  }
  Object.defineProperty(Paged, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  return Paged;
}
