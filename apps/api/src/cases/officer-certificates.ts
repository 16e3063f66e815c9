import { Injectable } from '@nestjs/common';
import { certificateCheck } from '#libs/domain/certificates';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { ApiException, FieldError } from '../common/api.exception';

/**
 * 行政处罚法 第四十二条 (and 行政强制法 第十七条 for coercive measures): only an officer whose 执法证件
 * holds on the day of the act handles a case, investigates or takes a measure. The rule is
 * libs/domain/certificates.ts; this names the officer and the day in a field error.
 */
@Injectable()
export class OfficerCertificates {
  constructor(private readonly users: UsersRepository) {}

  /** The field error for `user` acting at `at`, or null when their certificate holds that day. */
  fieldError(
    user: Pick<UserEntity, 'displayName' | 'certificateNo' | 'certificateValidFrom' | 'certificateValidTo'>,
    at: Date,
    field: string,
  ): FieldError | null {
    const refusal = certificateCheck(
      user.displayName,
      { number: user.certificateNo, validFrom: user.certificateValidFrom, validTo: user.certificateValidTo },
      at,
    );
    return refusal && { field, ...refusal };
  }

  /** Refuses (403 CERTIFICATE_NOT_VALID, the reason as a field error) unless the officer's certificate holds at `at`. */
  async assertHolds(userId: string, at: Date, field: string): Promise<void> {
    const user = await this.users.byId(userId);
    const error = user ? this.fieldError(user, at, field) : { field, code: 'CERTIFICATE_MISSING', message: '未登记执法证件' };
    if (error) throw new ApiException('CERTIFICATE_NOT_VALID', [error]);
  }
}
