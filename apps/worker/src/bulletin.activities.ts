import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import type {
  BulletinActivities,
  ProduceBulletinsRequest,
  ProducedBulletin,
} from '@workpoints/contracts';
import { PlanEntity } from '@workpoints/persistence';
import { produceBulletin } from '@workpoints/reports';
import { DataSource } from 'typeorm';

/** What the monthly bulletin workflow asks of the database. */
@Injectable()
export class BulletinActivitiesService implements BulletinActivities {
  private readonly logger = new Logger('bulletin');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * Every published plan of the month's year gets its bulletin, one transaction each, so a
   * retry after a failure halfway redoes only what is missing or replaces it with the same.
   */
  async produceMonthlyBulletins({
    month,
    at,
  }: ProduceBulletinsRequest): Promise<ProducedBulletin[]> {
    const plans = await this.dataSource.getRepository(PlanEntity).find({
      where: { status: 'published', year: Number(month.slice(0, 4)) },
      order: { createdAt: 'ASC' },
    });
    const produced: ProducedBulletin[] = [];
    for (const plan of plans) {
      const bulletin = await produceBulletin(this.dataSource, {
        planId: plan.id,
        month,
        trigger: 'schedule',
        actorId: null,
        publicUrl: this.config.notify.publicUrl,
        now: new Date(at),
      });
      this.logger.log(`bulletin ${month} of plan ${plan.id}: ${bulletin.ranking.length} ranked`);
      produced.push({ planId: plan.id, bulletinId: bulletin.id });
    }
    return produced;
  }
}
