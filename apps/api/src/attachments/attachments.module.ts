import { Module } from '@nestjs/common';
import { PointsModule } from '../points/points.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/**
 * Attachments (附件) of progress reports and completions: upload, list, download. Sending them
 * with a report is the points module's (`linkAttachments`), which this module depends on for
 * the point and who may see it.
 */
@Module({
  imports: [PointsModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService],
})
export class AttachmentsModule {}
