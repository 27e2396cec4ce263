import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last link of each inspection's audit hash chain; locked while a row is appended, so links never fork. */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ name: 'last_seq', type: 'bigint', default: 0 })
  lastSeq: string;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash: string;
}
