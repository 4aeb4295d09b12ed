import { Global, Module } from '@nestjs/common';
import { SecurityController } from './security.controller';
import { SecurityEventsReader } from './security-events-reader.service';
import { SecurityEventsService } from './security-events.service';
import { SecuritySettingsService } from './security-settings.service';

/**
 * Security events and settings, available to every module (sign-in, refusals, account
 * changes), and the admins' pages that read them.
 */
@Global()
@Module({
  controllers: [SecurityController],
  providers: [SecurityEventsService, SecuritySettingsService, SecurityEventsReader],
  exports: [SecurityEventsService, SecuritySettingsService],
})
export class SecurityModule {}
