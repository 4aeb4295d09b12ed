import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { RouteTable } from './route-table.service';

/**
 * Authorization by the access policy: the route table (checked against the policy at start-up)
 * and the guard that enforces it. The guard is registered globally right after `AuthGuard`
 * (see AuthModule), so it always has the caller.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [RouteTable, AccessGuard],
  exports: [RouteTable, AccessGuard],
})
export class AccessModule {}
