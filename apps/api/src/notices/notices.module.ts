import { Module } from '@nestjs/common';
import { NoticeFiguresService } from './notice-figures.service';
import { NoticePublishingService } from './notice-publishing.service';
import { NoticeRecordsService } from './notice-records.service';
import { FeedbackController } from './feedback.controller';
import { NoticesController } from './notices.controller';
import { GongkaiController, PublicNoticesController } from './public-notices.controller';
import { NoticesService } from './notices.service';
import { PublicFeedbackService } from './public-feedback.service';

/** Records, the progress notice written from live data, its publication and the public's feedback. */
@Module({
  controllers: [NoticesController, FeedbackController, PublicNoticesController, GongkaiController],
  providers: [
    NoticesService,
    NoticeRecordsService,
    NoticeFiguresService,
    NoticePublishingService,
    PublicFeedbackService,
  ],
})
export class NoticesModule {}
