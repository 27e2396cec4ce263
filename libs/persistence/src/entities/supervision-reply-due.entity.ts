import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The reply deadline a measure's workflow set for each of its 督办单 (`supervise`, and again on a
 * send-back), as the projection last saw it. The measure row keeps only the open notice; this row
 * outlives its closing, so a closed 督办单 still prints the workflow's own deadline.
 */
@Entity('supervision_reply_due')
export class SupervisionReplyDueEntity {
  @PrimaryColumn({ name: 'measure_id', type: 'uuid' })
  measureId: string;

  /** The notice's issue instant (the workflow's `issuedAt`, the `supervise` audit row's time). */
  @PrimaryColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'reply_due_at', type: 'timestamptz' })
  replyDueAt: Date;

  /** The event that wrote it: an older event never overwrites a newer deadline. */
  @Column({ type: 'int' })
  seq: number;
}
