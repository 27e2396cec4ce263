import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateNested } from 'class-validator';
import { TextField, TextListField, Type } from '../common/validation';

const PLACEHOLDERS =
  '{problems} {measures} {doneMeasures} {ongoingMeasures} {openMeasures} {closedProblems} {completionRate} are filled in from live data by the done rule';

export class ReportPartDto {
  @TextField({ min: 1, max: 200 })
  title: string;

  @TextListField({ maxItems: 50, max: 4000, multiline: true, description: `paragraphs; ${PLACEHOLDERS}` })
  paragraphs: string[];
}

/** The 整改报告's narrative; each field given replaces the draft's (二、逐条整改情况 is always live). */
export class EditReportDto {
  @TextField({ optional: true, max: 200, description: PLACEHOLDERS })
  title?: string;

  @TextField({ optional: true, max: 200, description: '主送: the inspection body' })
  addressee?: string;

  @TextField({ optional: true, max: 4000, multiline: true, description: PLACEHOLDERS })
  opening?: string;

  @ApiPropertyOptional({ type: ReportPartDto, description: '一、总体情况' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportPartDto)
  overall?: ReportPartDto;

  @ApiPropertyOptional({ type: ReportPartDto, description: '三、下一步打算' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportPartDto)
  nextSteps?: ReportPartDto;

  @TextField({ optional: true, max: 100 })
  signer?: string;

  @TextField({ optional: true, max: 30, example: '2026年3月1日', description: 'empty: the day it is generated' })
  date?: string;
}
