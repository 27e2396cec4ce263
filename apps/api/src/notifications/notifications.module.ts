import { Module } from '@nestjs/common';
import { InboxService } from './inbox.service';
import { NotificationsController } from './notifications.controller';

/** The in-app inbox (the worker writes notifications; people read and mark them here). */
@Module({ controllers: [NotificationsController], providers: [InboxService] })
export class NotificationsModule {}
