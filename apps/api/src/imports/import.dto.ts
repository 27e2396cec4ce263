import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsOptional } from 'class-validator';
import { MEASURE_KINDS, MeasureKind } from '@rectiflow/domain';
import { EnumField, IdField } from '../common/validation';
import { IsDeadline } from '../measures/deadline';

export class CorrectDocumentDto {
  @ApiProperty({
    description: 'the corrected sections, in the shape the preview returned',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  sections: unknown[];
}

export class CommitDocumentDto {
  @IdField({ description: 'lead department for every imported measure (re-assign each later with the assign action)' })
  leadDepartmentId: string;

  @IdField({ description: 'responsible leader for every imported measure' })
  responsibleLeaderId: string;

  @ApiProperty({ example: '2025-06-30', description: 'deadline for every imported measure' })
  @IsDeadline()
  dueAt: string;

  @EnumField(MEASURE_KINDS, {
    optional: true,
    description: 'measure kind for every imported measure (default deadline 限期整改)',
  })
  kind?: MeasureKind;
}

export class CommitLedgerDto {
  @ApiPropertyOptional({
    description: 'create departments and leaders the ledger names but the system does not know yet',
  })
  @IsOptional()
  @IsBoolean()
  createUnknown?: boolean;
}
