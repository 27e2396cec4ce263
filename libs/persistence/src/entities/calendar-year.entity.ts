import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * A year whose State Council arrangement the administrator entered by hand (as the office's own
 * days) before the data package carries it: the year then counts as covered. Recorded in
 * `calendar_change` like every other change to the calendar.
 */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** What the entry follows, e.g. the notice's number (国办发明电〔2026〕…号). */
  @Column({ type: 'varchar', length: 100 })
  note: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: PersonEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
