import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { MeasureEntity } from './measure.entity';

@Entity('measure_cooperating_department')
export class MeasureCooperatingDepartmentEntity {
  @PrimaryColumn({ name: 'measure_id', type: 'uuid' })
  measureId: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: MeasureEntity;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;
}
