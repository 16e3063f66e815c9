import { DateField, DateTimeField, EnumListField, TextField } from '../common/fields';

/** Closing the case file: the archive fields (required where the profile lists them, 003) and its location. */
export class ArchiveDto {
  @TextField('归档编号', 100, { optional: true, requiredWhen: '本机关的规定列为归档必填项' }) archiveNumber?: string;
  @TextField('类别', 100, { optional: true, requiredWhen: '本机关的规定列为归档必填项' }) category?: string;
  @TextField('保管期限', 100, { optional: true, requiredWhen: '本机关的规定列为归档必填项' }) retentionPeriod?: string;
  @DateField('起始日期', { optional: true, requiredWhen: '本机关的规定列为归档必填项' }) startDate?: string;
  @DateField('终止日期', { optional: true, requiredWhen: '本机关的规定列为归档必填项' }) endDate?: string;
  @TextField('存放位置', 500) location: string;
  @TextField('案卷不完整的原因', 5000, { optional: true, requiredWhen: '案卷缺少文书仍归档' }) incompleteReason?: string;
}

/** A party's request to read or copy the record, as received. */
export class AccessRequestDto {
  @TextField('申请人', 200) requester: string;
  @DateTimeField('申请时间') requestedAt: string;
  @TextField('申请查阅、复制的内容', 2000) scope: string;
  @EnumListField('申请事项', ['view', 'copy']) actions: ('view' | 'copy')[];
}
