import { ValidateIf } from 'class-validator';
import { SERVICE_METHODS, ServiceMethod } from '#libs/domain/service';
import { BoolField, DateTimeField, EnumField, NestedField, TextField } from '../common/fields';
import { AvDescriptionDto } from '../investigation/investigation.dto';

export class PostalDto {
  @TextField('邮寄单位', 100) carrier: string;
  @TextField('邮件单号', 100) trackingNumber: string;
  @TextField('邮寄地址', 500, { optional: true }) address?: string;
}

export class ViaDto {
  @TextField('委托或转交的原因', 1000) reason: string;
  @TextField('受托或转交单位', 200) to: string;
}

export class PublicNoticeDto {
  @EnumField('公告方式', ['posting', 'newspaper', 'website']) carrier: 'posting' | 'newspaper' | 'website';
  @TextField('公告张贴或刊登处', 500) place: string;
  @NestedField('公告张贴的音像记录', () => AvDescriptionDto, { optional: true }) audiovisual?: AvDescriptionDto;
}

/** One attempt to serve: the method and what it must record; the next method is asked when it fails. */
export class AttemptDto {
  @EnumField('送达方式', SERVICE_METHODS) method: ServiceMethod;
  @DateTimeField('送达开始时间') startedAt: string;
  @ValidateIf((a: AttemptDto) => a.method === 'postal')
  @NestedField('邮寄情况', () => PostalDto, { requiredWhen: '送达方式为邮寄送达（postal）' })
  postal?: PostalDto;
  @ValidateIf((a: AttemptDto) => a.method === 'entrusted' || a.method === 'forwarded')
  @NestedField('委托或转交情况', () => ViaDto, { requiredWhen: '送达方式为委托送达或转交送达（entrusted、forwarded）' })
  via?: ViaDto;
  @ValidateIf((a: AttemptDto) => a.method === 'public_notice')
  @NestedField('公告情况', () => PublicNoticeDto, { requiredWhen: '送达方式为公告送达（public_notice）' })
  publicNotice?: PublicNoticeDto;
}

export class ReceiptDto {
  @TextField('送达回证签收人', 100) signedBy: string;
  @TextField('送达回证编号', 100, { optional: true }) receiptNumber?: string;
}

export class LodgedDto {
  @TextField('拒收事由', 1000) refusalReason: string;
  @TextField('见证人', 200) witness: string;
  @NestedField('留置送达的音像记录', () => AvDescriptionDto, { optional: true }) audiovisual?: AvDescriptionDto;
}

/** How the pending attempt ended; the receipt's date is the date of service. */
export class OutcomeDto {
  @EnumField('送达结果', ['served', 'failed']) outcome: 'served' | 'failed';
  @DateTimeField('送达或失败时间') at: string;
  @NestedField('送达回证', () => ReceiptDto, { optional: true }) receipt?: ReceiptDto;
  @NestedField('留置送达情况', () => LodgedDto, { optional: true }) lodged?: LodgedDto;
  @ValidateIf((o: OutcomeDto) => o.outcome === 'failed')
  @TextField('未能送达的原因', 1000, { requiredWhen: '送达结果为未能送达（failed）' })
  failureReason?: string;
}

/** 送达地址确认书 (004 第二十二条). */
export class AddressConfirmationDto {
  @TextField('送达地址', 500) address: string;
  @TextField('联系方式', 100, { optional: true }) contact?: string;
  @TextField('电子邮件', 200, { optional: true, requiredWhen: '同意电子送达' }) email?: string;
  @BoolField('同意电子送达') electronicConsent: boolean;
  @DateTimeField('确认时间') confirmedAt: string;
  @TextField('确认人签名', 100) signedBy: string;
}
