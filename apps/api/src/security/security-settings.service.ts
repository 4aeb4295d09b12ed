import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type SecuritySettings,
  type SecuritySettingsView,
} from '@workpoints/contracts';
import { DEFAULT_SECURITY_SETTINGS, securitySettingsProblems } from '@workpoints/domain';
import { SecuritySettingsEntity } from '@workpoints/persistence';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { isoOrNull } from '../common/wire';
import { SecurityEventsService } from './security-events.service';

/**
 * How long a process keeps the settings before reading them again: every request checks its
 * session against them, and a change made through another API process arrives within this.
 */
const CACHE_MS = 5_000;

/** The admins' session and lock-out settings (安全设置), with defaults until first changed. */
@Injectable()
export class SecuritySettingsService {
  private cached: { at: number; value: SecuritySettingsView } | null = null;

  constructor(
    @InjectRepository(SecuritySettingsEntity)
    private readonly settings: Repository<SecuritySettingsEntity>,
    private readonly security: SecurityEventsService,
  ) {}

  async current(): Promise<SecuritySettingsView> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const row = await this.settings.findOneBy({ id: 1 });
    const value: SecuritySettingsView = row
      ? {
          idleTimeoutMinutes: row.idleTimeoutMinutes,
          absoluteTimeoutHours: row.absoluteTimeoutHours,
          lockoutThreshold: row.lockoutThreshold,
          lockoutMinutes: row.lockoutMinutes,
          updatedAt: isoOrNull(row.updatedAt),
          updatedByName: row.updatedByName,
        }
      : { ...DEFAULT_SECURITY_SETTINGS, updatedAt: null, updatedByName: null };
    this.cached = { at: Date.now(), value };
    return value;
  }

  async update(next: SecuritySettings, actor: Actor, req: Request): Promise<SecuritySettingsView> {
    const problems = securitySettingsProblems(next);
    if (problems.length > 0)
      throw new DomainException(ErrorCode.InvalidInput, problems.join('；'), { problems });
    const before = await this.current();
    await this.settings.save({
      id: 1,
      idleTimeoutMinutes: next.idleTimeoutMinutes,
      absoluteTimeoutHours: next.absoluteTimeoutHours,
      lockoutThreshold: next.lockoutThreshold,
      lockoutMinutes: next.lockoutMinutes,
      updatedAt: new Date(),
      updatedById: actor.userId,
      updatedByName: actor.displayName,
    });
    this.cached = null;
    await this.security.record(
      {
        kind: 'settings-changed',
        actor,
        details: { before: settingsOf(before), after: settingsOf(next) },
      },
      req,
    );
    return this.current();
  }
}

function settingsOf(s: SecuritySettings): SecuritySettings {
  return {
    idleTimeoutMinutes: s.idleTimeoutMinutes,
    absoluteTimeoutHours: s.absoluteTimeoutHours,
    lockoutThreshold: s.lockoutThreshold,
    lockoutMinutes: s.lockoutMinutes,
  };
}
