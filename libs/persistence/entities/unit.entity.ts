import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 科室: a unit of an agency; users name it, and a case's handling unit is its handling officer's. */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ type: 'text' }) name: string;
  /** Set when retired: the unit takes no new people; those it has keep it. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
