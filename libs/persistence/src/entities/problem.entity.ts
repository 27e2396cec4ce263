import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InspectionEntity } from './inspection.entity';

/** One feedback problem with its place in the heading ladder (一、 section / (一) category / 1. group / (1) number). */
@Entity('problem')
@Index('uq_problem_number', ['inspectionId', 'number'], { unique: true })
export class ProblemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @Column({ name: 'section_number', type: 'varchar', length: 10, nullable: true })
  sectionNumber: string | null;

  @Column({ name: 'section_title', type: 'text', nullable: true })
  sectionTitle: string | null;

  @Column({ name: 'category_number', type: 'varchar', length: 10, nullable: true })
  categoryNumber: string | null;

  @Column({ name: 'category_title', type: 'text', nullable: true })
  categoryTitle: string | null;

  @Column({ name: 'group_number', type: 'varchar', length: 10, nullable: true })
  groupNumber: string | null;

  @Column({ name: 'group_title', type: 'text', nullable: true })
  groupTitle: string | null;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
