import { RECORD_KINDS } from '@rectiflow/persistence';
import { NOTICE_PARTS, NOTICE_WARNING_KINDS } from './notice-warnings';
import { Res } from '../common/response-fields';
import { ContactResponse, ParsedSectionResponse } from '../imports/imports.response';

export class NarrativePartResponse {
  @Res.text()
  title: string;

  @Res.texts()
  paragraphs: string[];
}

/** The office-edited parts of a notice ({placeholders} not yet filled). */
export class NarrativeResponse {
  @Res.text()
  title: string;

  @Res.text()
  opening: string;

  @Res.one(() => NarrativePartResponse)
  part1: NarrativePartResponse;

  @Res.one(() => NarrativePartResponse)
  part3: NarrativePartResponse;

  @Res.text()
  closingCall: string;

  @Res.one(() => ContactResponse)
  contact: ContactResponse;

  @Res.text()
  signer: string;

  @Res.text({ description: 'empty: the day it is rendered' })
  date: string;
}

/** The notice as it reads: the narrative filled from live figures, and the live problem sections. */
export class NoticeContentResponse extends NarrativeResponse {
  @Res.many(() => ParsedSectionResponse, { description: 'numbered after part 一' })
  sections: ParsedSectionResponse[];
}

export class NoticeResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.one(() => NarrativeResponse)
  narrative: NarrativeResponse;

  @Res.one(() => NoticeContentResponse, {
    nullable: true,
    description: 'what was published, as the public page shows it',
  })
  publishedContent: NoticeContentResponse | null;

  @Res.dateTime({ nullable: true })
  publishedAt: string | null;

  @Res.text({
    nullable: true,
    description: 'the code of its public address /gongkai/<code>/<version> (null until published)',
  })
  publicCode: string | null;

  @Res.dateTime()
  createdAt: string;

  @Res.dateTime()
  updatedAt: string;
}

export class PublishedNoticeResponse {
  @Res.id()
  id: string;

  @Res.int({ description: '1 for the first publishing, then 2, 3…' })
  version: number;

  @Res.dateTime()
  publishedAt: string;

  @Res.text({ description: "this version's public page on this server: /gongkai/<code>/<version>" })
  publicUrl: string;
}

/** One published version of a notice. */
export class NoticeVersionResponse {
  @Res.int()
  version: number;

  @Res.dateTime()
  publishedAt: string;

  @Res.text()
  publicUrl: string;
}

export class NoticeWarningResponse {
  @Res.enum(NOTICE_WARNING_KINDS, 'NoticeWarningKind', {
    description:
      'zero_figure: a count of nothing (会议0次); attachment_reference: points to an attachment the public cannot see',
  })
  kind: string;

  @Res.enum(NOTICE_PARTS, 'NoticePart')
  part: string;

  @Res.text()
  excerpt: string;
}

/** What publishing now would show the public, before the office confirms. */
export class PublishCheckResponse {
  @Res.one(() => NoticeContentResponse)
  content: NoticeContentResponse;

  @Res.text({ description: 'the notice as plain text, as the public page reads' })
  text: string;

  @Res.many(() => NoticeWarningResponse)
  warnings: NoticeWarningResponse[];

  @Res.int()
  nextVersion: number;

  @Res.text({
    nullable: true,
    description: 'the address the next version will have (null before the first publishing)',
  })
  publicUrl: string | null;
}

/** A scheduling meeting, internal supervision, rule or campaign (the figures of part 一). */
export class RecordResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.enum(RECORD_KINDS, 'RecordKind')
  kind: string;

  @Res.text()
  title: string;

  @Res.date({ nullable: true })
  heldOn: string | null;

  @Res.ids()
  measureIds: string[];

  @Res.dateTime()
  createdAt: string;
}

/** A message from the public (群众监督). */
export class FeedbackResponse {
  @Res.id()
  id: string;

  @Res.text({ nullable: true })
  name: string | null;

  @Res.text({ nullable: true })
  contact: string | null;

  @Res.text()
  content: string;

  @Res.dateTime()
  receivedAt: string;

  @Res.dateTime({ nullable: true })
  readAt: string | null;

  @Res.id({ nullable: true })
  problemId: string | null;

  @Res.text({ nullable: true })
  problemTitle: string | null;

  @Res.id({ nullable: true })
  measureId: string | null;

  @Res.text({ nullable: true })
  measureText: string | null;

  @Res.text({ nullable: true })
  answer: string | null;

  @Res.dateTime({ nullable: true })
  answeredAt: string | null;

  @Res.dateTime({ nullable: true, description: 'set while the answer is shown under the public notice' })
  answerPublishedAt: string | null;
}

export class FeedbackListResponse {
  @Res.int()
  unread: number;

  @Res.many(() => FeedbackResponse, { description: 'newest first' })
  items: FeedbackResponse[];
}

export class FeedbackReceivedResponse {
  @Res.id()
  id: string;

  @Res.dateTime()
  receivedAt: string;
}
