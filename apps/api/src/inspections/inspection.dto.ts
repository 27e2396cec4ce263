import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { INSPECTION_KINDS, INSPECTION_ROLES, InspectionKind, InspectionRole, TimerPolicy } from '@rectiflow/domain';
import { EnumField, IdField, TextField, Type } from '../common/validation';
import { IsDateOnly } from './date-only';

export class CreateInspectionDto {
  @TextField({ min: 1, max: 200, example: '五届市委第六轮第一巡察组巡察宣城经开区党工委' })
  title: string;

  @EnumField(INSPECTION_KINDS, { description: 'xunshi 巡视, xuncha 巡察, audit 审计, supervision 督查' })
  kind: InspectionKind;

  @TextField({ min: 1, max: 200, example: '五届市委第六轮第一巡察组' })
  inspectingBody: string;

  @TextField({ min: 1, max: 200, example: '宣城经开区党工委' })
  inspectedUnit: string;

  @ApiPropertyOptional({ example: '2023-11-28', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  startedOn?: string;

  @ApiPropertyOptional({ example: '2024-01-19', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  endedOn?: string;

  @ApiPropertyOptional({
    example: '2024-04-19',
    format: 'date',
    description: 'day the feedback (反馈意见) was handed over',
  })
  @IsOptional()
  @IsDateOnly()
  feedbackOn?: string;

  @ApiPropertyOptional({
    description: 'timer policy, ISO-8601 durations; omitted fields take the defaults of domain.md',
    example: {
      remindBefore: ['P7D', 'P1D'],
      escalateAfter: ['P0D', 'P7D', 'P14D', 'P21D'],
      reviewWithin: 'P5D',
      signOffWithin: 'P5D',
      lookBackAfter: 'P90D',
    },
  })
  @IsOptional()
  @IsObject()
  policy?: Partial<TimerPolicy>;
}

export class AssignRoleDto {
  @IdField()
  personId: string;

  @ApiProperty({ enum: INSPECTION_ROLES })
  @IsString()
  @IsIn(INSPECTION_ROLES as unknown as string[])
  role: InspectionRole;
}

export class AssignRolesDto {
  @ApiProperty({ type: [AssignRoleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AssignRoleDto)
  roles: AssignRoleDto[];
}
