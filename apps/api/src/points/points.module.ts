import { Module } from '@nestjs/common';
import { PointActionsService } from './point-actions.service';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';

@Module({ controllers: [PointsController], providers: [PointsService, PointActionsService] })
export class PointsModule {}
