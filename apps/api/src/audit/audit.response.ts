import { PageOf } from '../common/paging';
import { Instant, Json, OneOf, Text, Uuid } from '../common/responses';

/** A login or a refused request: who, from where, what, and the refusal's code. */
export class AuditEntryResponse {
  @Text({ description: '顺序号' }) id: string;
  @Instant() at: string;
  @Uuid({ nullable: true }) userId: string | null;
  @Text({ nullable: true }) username: string | null;
  @Text({ nullable: true }) agencyId: string | null;
  @Text({ description: '操作（login、login_failed、login_throttled、被拒绝的路由…）' }) action: string;
  @OneOf(['allowed', 'denied']) outcome: string;
  @Text({ nullable: true }) method: string | null;
  @Text({ nullable: true }) path: string | null;
  @Text({ nullable: true }) code: string | null;
  @Text({ nullable: true }) ip: string | null;
  @Json({ nullable: true, description: '管理操作的变更内容（变更前、变更后，不含密码）' }) details: Record<string, unknown> | null;
}

export class AuditPage extends PageOf(AuditEntryResponse) {}
