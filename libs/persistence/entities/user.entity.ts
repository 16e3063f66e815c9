import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../../domain/roles';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ type: 'text' }) unit: string;
  /** 执法证件编号: officers investigate only with a valid certificate (行政处罚法 42). */
  @Column({ name: 'certificate_no', type: 'text', nullable: true }) certificateNo: string | null;
  @Column({ name: 'certificate_issuer', type: 'text', nullable: true }) certificateIssuer: string | null;
  /** China calendar days, 'YYYY-MM-DD', both inclusive (libs/domain/certificates.ts). */
  @Column({ name: 'certificate_valid_from', type: 'date', nullable: true }) certificateValidFrom: string | null;
  @Column({ name: 'certificate_valid_to', type: 'date', nullable: true }) certificateValidTo: string | null;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** The password was set by an administrator: every route but me, password and logout waits for a new one. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  /** Moves on logout and on any change of password, activity, role, agency or unit (trigger): older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
