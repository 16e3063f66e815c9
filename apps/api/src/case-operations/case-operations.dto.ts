import { CASE_OPERATIONS, CaseOperationKind, TRANSFER_TARGETS, TransferTarget } from '#libs/domain/case-operations';
import { EnumField, NestedField, TextField } from '../common/fields';

/** 移送: to whom. */
export class TransferDto {
  @EnumField('移送对象类型', TRANSFER_TARGETS) target: TransferTarget;
  @TextField('接收机关', 200) recipient: string;
}

/** A request to suspend, resume, terminate or transfer the case, for the chief to decide. */
export class CaseOperationDto {
  @EnumField('操作类型', CASE_OPERATIONS) kind: CaseOperationKind;
  @TextField('理由', 2000) reason: string;
  @TextField('法律依据', 1000, { optional: true }) legalBasis?: string;
  @NestedField('移送对象', () => TransferDto, { optional: true, requiredWhen: '操作类型为移送（transfer）' }) transfer?: TransferDto;
}
