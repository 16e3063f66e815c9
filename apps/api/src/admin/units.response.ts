import { UnitEntity } from '#libs/persistence/entities/unit.entity';
import { PageOf } from '../common/paging';
import { Bool, Instant, Text, Uuid } from '../common/responses';

export class UnitResponse {
  @Uuid() id: string;
  @Text({ description: '所属机关' }) agencyId: string;
  @Text({ description: '科室名称' }) name: string;
  @Bool({ description: '在用（未撤销）' }) active: boolean;
  @Instant({ nullable: true, description: '撤销时间' }) retiredAt: string | null;
  @Instant() createdAt: string;
}

export class UnitPage extends PageOf(UnitResponse) {}

export function mapUnit(u: UnitEntity): UnitResponse {
  return {
    id: u.id,
    agencyId: u.agencyId,
    name: u.name,
    active: !u.retiredAt,
    retiredAt: u.retiredAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
