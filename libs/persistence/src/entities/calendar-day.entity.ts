import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * The administrator's own days on the working calendar, beside the statutory ones of the data
 * package: a local holiday (holiday) or an office closure (closure) is a day off, an extra working
 * day (workday) is on. One entry a day; every change is recorded in `calendar_change`.
 */
@Entity('calendar_day')
@Check('ck_calendar_day_kind', `kind IN ('holiday', 'closure', 'workday')`)
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: PersonEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
