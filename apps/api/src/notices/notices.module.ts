import { Module } from '@nestjs/common';
import { NoticeFiguresService } from './notice-figures.service';
import { NoticePublishingService } from './notice-publishing.service';
import { NoticeRecordsService } from './notice-records.service';
import { NoticesController, PublicNoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { PublicFeedbackService } from './public-feedback.service';

/** Records, the progress notice written from live data, its publication and the public's feedback. */
@Module({
  controllers: [NoticesController, PublicNoticesController],
  providers: [
    NoticesService,
    NoticeRecordsService,
    NoticeFiguresService,
    NoticePublishingService,
    PublicFeedbackService,
  ],
})
export class NoticesModule {}
