import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MEASURE_KINDS, MeasureKind } from '@rectiflow/domain';
import { EnumField, IdField, IdListField, TextField, Type } from '../common/validation';
import { IsDeadline } from '../measures/deadline';

export class CreateMeasureDto {
  @ApiPropertyOptional({ description: 'order within the problem (一是 = 1); defaults to the next number', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  number?: number;

  @TextField({ min: 1, max: 4000, multiline: true, example: '强化项目入园审查,严格执行拿地门槛,全面提升项目质量。' })
  text: string;

  @EnumField(MEASURE_KINDS, { description: 'immediate 立行立改, deadline 限期整改, ongoing 长期坚持' })
  kind: MeasureKind;

  @IdField({ description: 'lead department (牵头部门)' })
  leadDepartmentId: string;

  @IdListField({ optional: true, description: 'cooperating departments (配合部门)' })
  cooperatingDepartmentIds?: string[];

  @IdField({ description: 'responsible leader (责任领导)' })
  responsibleLeaderId: string;

  @IdListField({ optional: true, description: 'further leaders named with the responsible one (张三、李四: 李四)' })
  coLeaderIds?: string[];

  @ApiPropertyOptional({
    description:
      'deadline (整改时限): a date (YYYY-MM-DD, meaning the end of that day, China time) or an ISO-8601 date-time; for 长期坚持 the first progress report. ' +
      "Required for 限期整改; without it a 立行立改 measure is due the policy's immediateWithin after 交办 and a 长期坚持 one reports first reportEvery after 交办",
    example: '2024-06-30',
  })
  @ValidateIf((measure: CreateMeasureDto) => measure.kind === 'deadline' || measure.dueAt !== undefined)
  @IsDeadline()
  dueAt?: string;
}

export class CreateProblemDto {
  @TextField({ optional: true, max: 10, example: '二', description: 'section number (一、)' })
  sectionNumber?: string;

  @TextField({ optional: true, max: 500, example: '坚持问题导向,全面推进整改任务落地落细' })
  sectionTitle?: string;

  @TextField({ optional: true, max: 10, example: '一', description: 'category number ((一))' })
  categoryNumber?: string;

  @TextField({ optional: true, max: 500 })
  categoryTitle?: string;

  @TextField({ optional: true, max: 10, example: '3', description: 'group number (1.)' })
  groupNumber?: string;

  @TextField({ optional: true, max: 500 })
  groupTitle?: string;

  @ApiProperty({ description: 'problem number ((1)), unique in the inspection', example: 9, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  number: number;

  @TextField({ min: 1, max: 1000, example: '优化招引机制,加强项目监管,实现投资、税收双提升' })
  title: string;

  @ApiPropertyOptional({ type: [CreateMeasureDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateMeasureDto)
  measures?: CreateMeasureDto[];
}

export class BulkProblemsDto {
  @ApiProperty({ type: [CreateProblemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => CreateProblemDto)
  problems: CreateProblemDto[];
}
