import { Module } from '@nestjs/common';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';

/** The monthly ranking and bulletin (一月一排名、一月一通报) of a plan. */
@Module({ controllers: [BulletinsController], providers: [BulletinsService] })
export class BulletinsModule {}
