import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, ILike, IsNull, Not, Repository } from 'typeorm';
import { UnitEntity } from '../entities/unit.entity';

export interface UnitFilter {
  agencyId?: string;
  active?: boolean;
  q?: string;
}

/** Table `units` (科室): an agency's units, named uniquely within it; users reference them by name. */
@Injectable()
export class UnitsRepository {
  private readonly units: Repository<UnitEntity>;

  constructor(private readonly db: DataSource) {
    this.units = db.getRepository(UnitEntity);
  }

  byId(id: string): Promise<UnitEntity | null> {
    return this.units.findOneBy({ id });
  }

  byName(agencyId: string, name: string): Promise<UnitEntity | null> {
    return this.units.findOneBy({ agencyId, name });
  }

  /** By agency, then name (id breaks ties): a stable page. */
  page(f: UnitFilter, skip: number, take: number): Promise<[UnitEntity[], number]> {
    const where: FindOptionsWhere<UnitEntity> = {
      ...(f.agencyId !== undefined && { agencyId: f.agencyId }),
      ...(f.active !== undefined && { retiredAt: f.active ? IsNull() : Not(IsNull()) }),
      ...(f.q && { name: ILike(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) }),
    };
    return this.units.findAndCount({ where, order: { agencyId: 'ASC', name: 'ASC', id: 'ASC' }, skip, take });
  }

  /** A new unit; null when the agency already has one of that name (retired or not). */
  async add(agencyId: string, name: string): Promise<UnitEntity | null> {
    const [row] = await this.db.query(
      'INSERT INTO units (agency_id, name) VALUES ($1, $2) ON CONFLICT (agency_id, name) DO NOTHING RETURNING id',
      [agencyId, name],
    );
    return row ? this.byId(row.id) : null;
  }

  /** Creates the units whose name is free in their agency (the demo seed); existing ones are left as they are. */
  async addIfAbsent(units: { agencyId: string; name: string }[]): Promise<void> {
    for (const u of units) await this.add(u.agencyId, u.name);
  }

  /**
   * Renames and/or retires (or reinstates) a unit. The users of the unit follow a rename through the
   * foreign key (ON UPDATE CASCADE), in the same statement.
   */
  async change(id: string, c: { name?: string; retiredAt?: Date | null }): Promise<void> {
    await this.units.update(
      { id },
      { ...(c.name !== undefined && { name: c.name }), ...(c.retiredAt !== undefined && { retiredAt: c.retiredAt }) },
    );
  }
}
