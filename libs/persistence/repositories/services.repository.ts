import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import type { RecordEntryInput } from '../../domain/record';
import type { ServiceView } from '../../messages/service';
import { appendRecord } from '../append-record';
import { ServiceAddressEntity, ServiceEntity } from '../entities/service.entity';

export type NewServiceAddress = Omit<ServiceAddressEntity, 'recordedAt'>;

/** The `services` projection and the addresses the party confirmed. */
@Injectable()
export class ServicesRepository {
  private readonly services: Repository<ServiceEntity>;
  private readonly addresses: Repository<ServiceAddressEntity>;

  constructor(private readonly db: DataSource) {
    this.services = db.getRepository(ServiceEntity);
    this.addresses = db.getRepository(ServiceAddressEntity);
  }

  /** In the order they were last updated; one page of them and how many there are. */
  async page(caseId: string, skip: number, take: number): Promise<[ServiceView[], number]> {
    const [rows, total] = await this.services.findAndCount({
      select: { view: true },
      where: { caseId },
      order: { updatedAt: 'ASC', id: 'ASC' },
      skip,
      take,
    });
    return [rows.map((r) => r.view), total];
  }

  findInCase(caseId: string, serviceId: string): Promise<ServiceEntity | null> {
    return this.services.findOneBy({ id: serviceId, caseId });
  }

  /** The projection as the workflow last wrote it (it writes it before an Update returns). */
  async view(serviceId: string): Promise<ServiceView> {
    const row = await this.services.findOneOrFail({ select: { view: true }, where: { id: serviceId } });
    return row.view;
  }

  /** The last address the party confirmed. */
  lastAddress(caseId: string): Promise<ServiceAddressEntity | null> {
    return this.addresses.findOne({ where: { caseId }, order: { confirmedAt: 'DESC' } });
  }

  /** Stores the confirmation and its record entry in one transaction; the same id twice stores nothing. */
  async addAddress(address: NewServiceAddress, entry: RecordEntryInput): Promise<void> {
    await this.db.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(ServiceAddressEntity)
        .values({ ...address, recordedAt: () => 'now()' })
        .orIgnore()
        .returning('id')
        .execute();
      if (!inserted.raw.length) return;
      await appendRecord(m, entry);
    });
  }
}
