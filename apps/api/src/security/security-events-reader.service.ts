import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SecurityEventPage, SecurityEventView } from '@workpoints/contracts';
import { SECURITY_EVENT_LABELS, shanghaiMinute } from '@workpoints/domain';
import { SecurityEventEntity, UserEntity } from '@workpoints/persistence';
import { Brackets, Repository, type SelectQueryBuilder } from 'typeorm';
import { iso } from '../common/wire';
import type { SecurityEventsFilter, SecurityEventsQuery } from './dto/security.dto';

/** The most rows one export holds: a year of a busy office's sign-ins, and a file Excel opens. */
export const EXPORT_MAX_ROWS = 100_000;

/** Security events as admins read, filter and export them (安全事件). */
@Injectable()
export class SecurityEventsReader {
  constructor(
    @InjectRepository(SecurityEventEntity)
    private readonly events: Repository<SecurityEventEntity>,
  ) {}

  async page(query: SecurityEventsQuery): Promise<SecurityEventPage> {
    const qb = this.filtered(query)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: await this.views(rows),
    };
  }

  /** The filtered events as CSV (UTF-8 with a BOM, so Excel reads the Chinese), newest first. */
  async csv(filter: SecurityEventsFilter): Promise<string> {
    const rows = await this.filtered(filter).take(EXPORT_MAX_ROWS).getMany();
    const views = await this.views(rows);
    const header = [
      '时间（北京时间）',
      '类别',
      '操作人',
      '登录用户名',
      '涉及账号',
      '来源地址',
      '请求',
      '状态',
      '代码',
      '原因',
      '详情',
      '浏览器',
    ];
    const lines = views.map((e) =>
      [
        shanghaiMinute(new Date(e.at)) + e.at.slice(16, 19),
        e.kindLabel,
        e.actorName,
        e.username,
        e.subjectName,
        e.ip,
        e.method && e.path ? `${e.method} ${e.path}` : null,
        e.status,
        e.code,
        e.reason,
        e.details ? JSON.stringify(e.details) : null,
        e.userAgent,
      ]
        .map(csvCell)
        .join(','),
    );
    return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
  }

  private filtered(f: SecurityEventsFilter): SelectQueryBuilder<SecurityEventEntity> {
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (f.kind?.length) qb.andWhere('e.kind IN (:...kinds)', { kinds: f.kind });
    if (f.userId)
      qb.andWhere('(e.actorId = :userId OR e.subjectUserId = :userId)', { userId: f.userId });
    if (f.from) qb.andWhere('e.at >= :from', { from: `${f.from}T00:00:00+08:00` });
    if (f.to)
      qb.andWhere(`e.at < (:to::timestamptz + interval '1 day')`, { to: `${f.to}T00:00:00+08:00` });
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('e.username ILIKE :like', { like })
            .orWhere('e.actorName ILIKE :like', { like })
            .orWhere('e.ip ILIKE :like', { like })
            .orWhere('e.reason ILIKE :like', { like }),
        ),
      );
    }
    return qb;
  }

  private async views(rows: SecurityEventEntity[]): Promise<SecurityEventView[]> {
    const ids = [...new Set(rows.map((r) => r.subjectUserId).filter((id): id is string => !!id))];
    const names = new Map(
      ids.length === 0
        ? []
        : (
            await this.events.manager
              .getRepository(UserEntity)
              .createQueryBuilder('u')
              .select(['u.id', 'u.displayName', 'u.username'])
              .where('u.id IN (:...ids)', { ids })
              .getMany()
          ).map((u) => [u.id, `${u.displayName}（${u.username}）`]),
    );
    return rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      kind: r.kind,
      kindLabel: SECURITY_EVENT_LABELS[r.kind] ?? r.kind,
      actorId: r.actorId,
      actorName: r.actorName,
      username: r.username,
      subjectUserId: r.subjectUserId,
      subjectName: r.subjectUserId ? (names.get(r.subjectUserId) ?? null) : null,
      ip: r.ip,
      userAgent: r.userAgent,
      method: r.method,
      path: r.path,
      status: r.status,
      code: r.code,
      reason: r.reason,
      details: r.details,
    }));
  }
}

/**
 * One CSV cell: quoted when it must be, and a leading = + - @ (or tab, return) made text, so a
 * user name like `=HYPERLINK(…)` cannot become a formula when an admin opens the file in Excel.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
