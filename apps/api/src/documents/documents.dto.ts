import { ValidateIf } from 'class-validator';
import { DOCUMENT_COPIES } from '#libs/documents/confidential';
import { DOCUMENT_KINDS } from '#libs/documents/kinds';
import { PREVIEW_KINDS } from '#libs/documents/preview';
import { EnumField, TextField, UuidField } from '../common/fields';
import { PageQuery } from '../common/paging';

export class DocumentListQuery extends PageQuery {
  @EnumField('文书种类', DOCUMENT_KINDS, { optional: true }) kind?: string;
}

export class DocumentFileQuery {
  @EnumField('文本（original 原件；party 供当事人查阅、复制，涉密内容隐去）', DOCUMENT_COPIES, { optional: true }) copy?: string;
  /** The access request the party's copy is made for: the copy is handed over on a granted request only. */
  @ValidateIf((q: DocumentFileQuery) => q.copy === 'party' || q.request !== undefined)
  @UuidField('查阅、复制申请编号（申请时返回的 requestId，须已准予）', { requiredWhen: '当事人查阅本（copy 为 party）' })
  request?: string;
}

/** A correction: why the document is rendered again from the record (it is written into the record). */
export class RegenerateDocumentDto {
  @TextField('更正理由', 1000) reason: string;
}

/** The kinds that can be previewed before their step: those whose source (the officer's draft) exists before it. */
export class DocumentPreviewQuery {
  @EnumField('文书种类', PREVIEW_KINDS) kind: string;
}
