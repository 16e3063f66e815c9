import { DOCUMENT_KINDS } from '#libs/documents/kinds';
import { PREVIEW_KINDS } from '#libs/documents/preview';
import { EnumField } from '../common/fields';
import { PageQuery } from '../common/paging';

export class DocumentListQuery extends PageQuery {
  @EnumField('文书种类', DOCUMENT_KINDS, { optional: true }) kind?: string;
}

/** The kinds that can be previewed before their step: those whose source (the officer's draft) exists before it. */
export class DocumentPreviewQuery {
  @EnumField('文书种类', PREVIEW_KINDS) kind: string;
}
