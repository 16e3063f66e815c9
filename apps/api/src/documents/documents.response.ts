import { DOCUMENT_KINDS } from '#libs/documents/kinds';
import { PageOf } from '../common/paging';
import { Instant, Int, NestedList, OneOf, Text, Texts, Uuid } from '../common/responses';

/** One generated 执法文书: what it is, which step of the record made it, and its SHA-256. */
export class DocumentResponse {
  @Uuid() id: string;
  @OneOf(DOCUMENT_KINDS) kind: string;
  @Text({ description: '文书名称，如 行政处罚决定书' }) kindLabel: string;
  @Text({
    nullable: true,
    description:
      '文书自身的编号：决定书、当场行政处罚决定书的文号，告知书制发送达时填写的文号，催告书为决定书文号加“（催告）”；' +
      '送达回证、笔录、公告、听证通知书、当面交付的告知书等无编号的为 null',
  })
  number: string | null;
  @Int({ description: '版本（更正时生成新版本）' }) version: number;
  @Text({ description: 'PDF 文件的 SHA-256（十六进制）' }) sha256: string;
  @Int({ description: '字节数' }) size: number;
  @Instant({ description: '生成该文书的环节记入记录的时间，亦即 PDF 的创建时间' }) createdAt: string;
  @Text({ description: '生成该文书的环节在案件记录中的键（entry key）' }) stepRef: string;
  @Uuid({ nullable: true, description: '所更正的上一版本' }) replaces: string | null;
  @Uuid({ nullable: true, description: '更正本版本的下一版本；null 为现行版本' }) replacedBy: string | null;
  @Texts({ description: '字库缺少、打印为空白的字（须在纸质文书上手写补正）；无则为空' }) missingCharacters: string[];
}

export class DocumentPage extends PageOf(DocumentResponse) {}

/**
 * A document a step named and that is not made yet: normally for a moment after the step (it is rendered
 * after the person is answered); with `failure`, the database refused it and it waits for a person to mend it.
 */
export class PendingDocumentResponse {
  @OneOf(DOCUMENT_KINDS) kind: string;
  @Text({ description: '文书名称' }) kindLabel: string;
  @Text({ description: '命名该文书的环节在案件记录中的键（entry key）' }) stepRef: string;
  @Instant({ description: '该环节完成、文书待生成的时间' }) namedAt: string;
  @Text({ nullable: true, description: '数据库拒绝生成的原因（须人工处理）；null 为正在生成' }) failure: string | null;
}

export class PendingDocumentList {
  @NestedList(() => PendingDocumentResponse) items: PendingDocumentResponse[];
}
