import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { RECORD_KINDS, RecordKind } from '@rectiflow/persistence';
import { EnumField, IdField, IdListField, TextField, TextListField, Type } from '../common/validation';
import { IsDateOnly } from '../inspections/date-only';

export class CreateRecordDto {
  @EnumField(RECORD_KINDS, { description: 'meeting 调度会议, supervision 内部督查, rule 建章立制, campaign 专项整治' })
  kind: RecordKind;

  @TextField({ min: 1, max: 300, example: '巡察整改工作调度会议' })
  title: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  heldOn?: string;

  @IdListField({ optional: true, description: 'measures this record belongs to' })
  measureIds?: string[];
}

/** A correction of a record: only the fields given change; heldOn null clears the day. */
export class UpdateRecordDto {
  @EnumField(RECORD_KINDS, {
    optional: true,
    description: 'meeting 调度会议, supervision 内部督查, rule 建章立制, campaign 专项整治',
  })
  kind?: RecordKind;

  @TextField({ optional: true, min: 1, max: 300 })
  title?: string;

  @ApiPropertyOptional({ format: 'date', type: String, nullable: true, description: 'null clears the day' })
  @IsOptional()
  @IsDateOnly()
  heldOn?: string | null;

  @IdListField({ optional: true, description: 'the measures this record belongs to, replacing the earlier list' })
  measureIds?: string[];
}

export class NarrativePartDto {
  @TextField({ min: 1, max: 200 })
  title: string;

  @TextListField({
    maxItems: 50,
    max: 4000,
    multiline: true,
    description:
      'paragraphs; {problems} {measures} {closedMeasures} (已完成: signed off) {closedProblems} (已整改销号) {ongoingMeasures} (持续推进) {claimedMeasures} (领办) {supervisionNotices} (督办单 issued) {meetings} {supervisions} (内部督查) {rules} {campaigns} are filled in from live data',
  })
  paragraphs: string[];
}

export class ContactDto {
  @TextField({ optional: true, max: 50 })
  phone?: string;

  @TextField({ optional: true, max: 200 })
  address?: string;

  @TextField({ optional: true, max: 20 })
  postcode?: string;

  @TextField({ optional: true, max: 100 })
  email?: string;
}

export class EditNoticeDto {
  @TextField({ optional: true, max: 200 })
  title?: string;

  @TextField({ optional: true, max: 4000, multiline: true })
  opening?: string;

  @ApiPropertyOptional({ type: NarrativePartDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NarrativePartDto)
  part1?: NarrativePartDto;

  @ApiPropertyOptional({ type: NarrativePartDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NarrativePartDto)
  part3?: NarrativePartDto;

  @TextField({ optional: true, max: 1000, multiline: true })
  closingCall?: string;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @TextField({ optional: true, max: 100 })
  signer?: string;

  @TextField({ optional: true, max: 30, example: '2025年7月25日' })
  date?: string;
}

export class FeedbackDto {
  @TextField({ optional: true, max: 50, description: 'name (optional)' })
  name?: string;

  @TextField({ optional: true, max: 100, description: 'phone or e-mail for a reply (optional)' })
  contact?: string;

  @TextField({ min: 1, max: 2000, multiline: true, description: 'the message' })
  content: string;
}

export class RouteFeedbackDto {
  @IdField({ optional: true, description: 'the problem the message is about' })
  problemId?: string;

  @IdField({ optional: true, description: 'the measure the message is about (its problem is taken with it)' })
  measureId?: string;
}

export class AnswerFeedbackDto {
  @TextField({ min: 1, max: 2000, multiline: true, description: "the office's answer" })
  answer: string;

  @ApiPropertyOptional({ description: 'show the message and the answer under the public notice (false: take it back)' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}
