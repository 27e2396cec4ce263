import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { InspectionRole } from '@rectiflow/domain';
import { InspectionEntity } from './inspection.entity';
import { PersonEntity } from './person.entity';

/** A person's role for one inspection: a reviewer here may be department staff elsewhere. */
@Entity('inspection_role')
export class InspectionRoleEntity {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role: InspectionRole;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
