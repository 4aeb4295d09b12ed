import { Module } from '@nestjs/common';
import { PointsModule } from '../points/points.module';
import { QueuesModule } from '../queues/queues.module';
import { InboxAnnouncementsService } from './inbox-announcements.service';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RobotsController } from './robots.controller';
import { RobotsService } from './robots.service';
import { UrgeService } from './urge.service';

/**
 * Notifications as people see and steer them: the inbox (with its live stream), the delivery
 * state of the outbox, the admins' dead letters, departments' robots, personal preferences and
 * the coordinator's chase (催办). Delivery itself is apps/jobs'.
 */
@Module({
  imports: [PointsModule, QueuesModule],
  controllers: [
    InboxController,
    NotificationsController,
    RobotsController,
    NotificationPreferencesController,
  ],
  providers: [
    InboxAnnouncementsService,
    InboxService,
    NotificationsService,
    RobotsService,
    NotificationPreferencesService,
    UrgeService,
  ],
})
export class NotificationsModule {}
