import { DOCUMENT_KINDS } from '#libs/documents/kinds';
import { EnumField } from '../common/fields';
import { PageQuery } from '../common/paging';

export class DocumentListQuery extends PageQuery {
  @EnumField('文书种类', DOCUMENT_KINDS, { optional: true }) kind?: string;
}
