import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@workpoints/contracts';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { TemporalClientService } from '@workpoints/temporal';
import { Public } from '../auth/auth.decorators';
import { RedisHealthService } from './redis-health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthService,
    private readonly temporal: TemporalClientService,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: '健康检查：数据库、Redis、Temporal 是否可达' })
  check(): Promise<HealthView> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () =>
        this.indicators
          .check('redis')
          .attempt(() => this.redis.ping())
          .withTimeout(3000),
      () =>
        this.indicators
          .check('temporal')
          .attempt(() => this.temporal.ping())
          .withTimeout(3000),
    ]);
  }
}
