import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type Actor, type RobotChannel, type RobotView } from '@workpoints/contracts';
import { CHANNEL_LABELS } from '@workpoints/domain';
import { AuditEventEntity, DepartmentEntity, DepartmentRobotEntity } from '@workpoints/persistence';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { iso } from '../common/wire';
import type { PutRobotDto } from './dto/robot.dto';
import { ROBOT_CHANGED_EVENT } from './notification-audit';

/** Departments' group robots (企业微信 / 钉钉 / 飞书), which their notices also go to. */
@Injectable()
export class RobotsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(departmentId: string): Promise<RobotView[]> {
    const department = await this.department(departmentId);
    const rows = await this.robots(departmentId);
    return rows.map((r) => toRobotView(r, department));
  }

  async get(departmentId: string, channel: RobotChannel): Promise<RobotView> {
    const department = await this.department(departmentId);
    const [row] = await this.robots(departmentId, channel);
    if (!row)
      throw new DomainException(
        ErrorCode.NotFound,
        `${department.name}尚未设置${CHANNEL_LABELS[channel]}`,
      );
    return toRobotView(row, department);
  }

  async put(
    departmentId: string,
    channel: RobotChannel,
    dto: PutRobotDto,
    actor: Actor,
  ): Promise<RobotView> {
    const department = await this.department(departmentId);
    await this.dataSource.transaction(async (tx) => {
      const [existing] = await this.robots(
        departmentId,
        channel,
        tx.getRepository(DepartmentRobotEntity),
      );
      if (!existing && !dto.webhookUrl)
        throw new DomainException(
          ErrorCode.InvalidInput,
          `webhookUrl: 新设置${CHANNEL_LABELS[channel]}须填写 Webhook 地址`,
        );
      const changes = {
        ...(dto.webhookUrl === undefined ? {} : { webhookUrl: dto.webhookUrl }),
        ...(dto.secret === undefined ? {} : { secret: dto.secret }),
        ...(dto.enabled === undefined ? {} : { enabled: dto.enabled }),
      };
      if (existing) await tx.update(DepartmentRobotEntity, { id: existing.id }, changes);
      else
        await tx.insert(DepartmentRobotEntity, {
          departmentId,
          channel,
          webhookUrl: dto.webhookUrl as string,
          secret: dto.secret ?? null,
          enabled: dto.enabled ?? true,
        });
      await tx.save(AuditEventEntity, {
        actorId: actor.userId,
        actorName: actor.displayName,
        event: ROBOT_CHANGED_EVENT,
        before: existing ? { departmentId, channel, ...summary(existing) } : null,
        after: {
          departmentId,
          channel,
          op: existing ? 'update' : 'create',
          webhookChanged: dto.webhookUrl !== undefined,
          secretChanged: dto.secret !== undefined,
          enabled: dto.enabled ?? existing?.enabled ?? true,
        },
        at: new Date(),
      });
    });
    return this.get(department.id, channel);
  }

  async remove(departmentId: string, channel: RobotChannel, actor: Actor): Promise<void> {
    const department = await this.department(departmentId);
    await this.dataSource.transaction(async (tx) => {
      const [existing] = await this.robots(
        departmentId,
        channel,
        tx.getRepository(DepartmentRobotEntity),
      );
      if (!existing)
        throw new DomainException(
          ErrorCode.NotFound,
          `${department.name}尚未设置${CHANNEL_LABELS[channel]}`,
        );
      await tx.delete(DepartmentRobotEntity, { id: existing.id });
      await tx.save(AuditEventEntity, {
        actorId: actor.userId,
        actorName: actor.displayName,
        event: ROBOT_CHANGED_EVENT,
        before: { departmentId, channel, ...summary(existing) },
        after: { departmentId, channel, op: 'delete' },
        at: new Date(),
      });
    });
  }

  private async department(id: string): Promise<DepartmentEntity> {
    const department = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ id });
    if (!department) throw new DomainException(ErrorCode.NotFound, `单位不存在：${id}`);
    return department;
  }

  /** The department's robots with `hasSecret` worked out in SQL: the secret never leaves it. */
  private async robots(
    departmentId: string,
    channel?: RobotChannel,
    repo = this.dataSource.getRepository(DepartmentRobotEntity),
  ): Promise<(DepartmentRobotEntity & { hasSecret: boolean })[]> {
    const qb = repo
      .createQueryBuilder('r')
      .addSelect('r.secret IS NOT NULL', 'has_secret')
      .where('r.departmentId = :departmentId', { departmentId })
      .orderBy('r.channel', 'ASC');
    if (channel) qb.andWhere('r.channel = :channel', { channel });
    const { entities, raw } = await qb.getRawAndEntities<{ r_id: string; has_secret: boolean }>();
    const hasSecret = new Map(raw.map((r) => [r.r_id, r.has_secret]));
    return entities.map((e) => Object.assign(e, { hasSecret: hasSecret.get(e.id) === true }));
  }
}

function summary(r: DepartmentRobotEntity & { hasSecret: boolean }) {
  return { enabled: r.enabled, hasSecret: r.hasSecret };
}

/** A robot as answers show it: its secret never, its webhook's token masked. */
export function toRobotView(
  r: DepartmentRobotEntity & { hasSecret: boolean },
  d: DepartmentEntity,
): RobotView {
  return {
    id: r.id,
    departmentId: r.departmentId,
    departmentName: d.name,
    channel: r.channel,
    channelLabel: CHANNEL_LABELS[r.channel],
    webhookUrl: maskWebhookUrl(r.webhookUrl),
    hasSecret: r.hasSecret,
    enabled: r.enabled,
    createdAt: iso(r.createdAt),
  };
}

/**
 * A webhook address with its tokens hidden: every query value (WeCom `key`, DingTalk
 * `access_token`) and any long path segment (Feishu's hook id) keep their first 4 characters.
 */
export function maskWebhookUrl(raw: string): string {
  const hide = (value: string) => `${value.slice(0, 4)}****`;
  try {
    const url = new URL(raw);
    url.pathname = url.pathname
      .split('/')
      .map((segment) => (segment.length >= 16 ? hide(segment) : segment))
      .join('/');
    for (const [name, value] of [...url.searchParams]) url.searchParams.set(name, hide(value));
    return url.toString();
  } catch {
    return hide(raw);
  }
}
