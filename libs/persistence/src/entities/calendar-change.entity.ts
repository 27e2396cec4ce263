import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * Append-only record of the changes to the administrator's calendar days (who, when, what); its
 * last id is the local part of the calendar's version, so every change gives a new version.
 */
@Entity('calendar_change')
export class CalendarChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** add, remove */
  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: PersonEntity;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
