import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 催办: a message to a task's assignee, or to everyone of its role in the agency when nobody is named. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'text' }) role: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ type: 'text' }) message: string;
  @Column({ name: 'sent_by', type: 'uuid' }) sentBy: string;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
}
