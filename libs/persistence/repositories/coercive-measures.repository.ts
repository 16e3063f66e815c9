import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { CoerciveMeasureEntity } from '../entities/coercive-measure.entity';

/** Table `coercive_measures`: the projection of each measure's clock, written by the investigation's activities. */
@Injectable()
export class CoerciveMeasuresRepository {
  private readonly measures: Repository<CoerciveMeasureEntity>;

  constructor(db: DataSource) {
    this.measures = db.getRepository(CoerciveMeasureEntity);
  }

  /** In the order they were taken. */
  page(caseId: string, skip: number, take: number): Promise<[CoerciveMeasureEntity[], number]> {
    return this.measures.findAndCount({ where: { caseId }, order: { takenAt: 'ASC', id: 'ASC' }, skip, take });
  }

  exists(caseId: string, id: string): Promise<boolean> {
    return this.measures.existsBy({ id, caseId });
  }
}
