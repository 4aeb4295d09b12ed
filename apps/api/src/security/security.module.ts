import { Global, Module } from '@nestjs/common';
import { SecurityEventsService } from './security-events.service';

/** Security events, available to every module (sign-in, refusals, account changes). */
@Global()
@Module({ providers: [SecurityEventsService], exports: [SecurityEventsService] })
export class SecurityModule {}
