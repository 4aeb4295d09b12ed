import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PACKAGE_KNOWN_YEARS, WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import {
  ErrorCode,
  type Actor,
  type CalendarOverrideView,
  type CalendarYearView,
} from '@workpoints/contracts';
import {
  AuditEventEntity,
  CalendarOverrideEntity,
  toCalendarOverride,
} from '@workpoints/persistence';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import type { CreateOverrideDto } from './calendar.dto';
import { toCalendarOverrideView } from './calendar.mapper';

/**
 * The working-day calendar as the office uses it: the holiday package's years plus the
 * admin's overrides. Plans whose deadlines fall in a year nobody knows cannot be published
 * until that year is added or confirmed as weekends-only.
 */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async calendar(years: number[]): Promise<WorkCalendar> {
    const overrides = await this.dataSource.getRepository(CalendarOverrideEntity).find();
    return new WorkCalendar(
      buildCalendarData([...new Set(years)], overrides.map(toCalendarOverride)),
    );
  }

  /** The years among these dates that the calendar does not know, ascending. */
  async unknownYears(dates: string[]): Promise<number[]> {
    const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
    if (years.length === 0) return [];
    return (await this.calendar(years)).unknownYears(dates);
  }

  async year(year: number): Promise<CalendarYearView> {
    const overrides = await this.dataSource
      .getRepository(CalendarOverrideEntity)
      .find({ where: { year }, order: { date: 'ASC' } });
    const data = buildCalendarData([year], overrides.map(toCalendarOverride));
    const known = data.knownYears.includes(year);
    return {
      year,
      known,
      source: data.weekendsOnlyYears.includes(year)
        ? 'weekends-only'
        : PACKAGE_KNOWN_YEARS.includes(year)
          ? 'package'
          : known
            ? 'overrides'
            : 'unknown',
      holidays: data.holidays,
      workdays: data.workdays,
      overrides: overrides.map(toCalendarOverrideView),
    };
  }

  async addOverride(dto: CreateOverrideDto, actor: Actor): Promise<CalendarOverrideView> {
    const repo = this.dataSource.getRepository(CalendarOverrideEntity);
    if (dto.kind === 'weekends-only' ? !dto.year || dto.date : !dto.date || dto.year)
      throw new DomainException(
        ErrorCode.InvalidInput,
        dto.kind === 'weekends-only'
          ? 'weekends-only 需要 year，且不能带 date'
          : `${dto.kind} 需要 date，且不能带 year`,
      );
    const row =
      dto.kind === 'weekends-only'
        ? { kind: dto.kind, year: dto.year as number, date: null }
        : {
            kind: dto.kind,
            year: Number((dto.date as string).slice(0, 4)),
            date: dto.date as string,
          };
    const clash = row.date
      ? await repo.findOneBy({ date: row.date })
      : await repo.findOneBy({ year: row.year, kind: 'weekends-only' });
    if (clash)
      throw new DomainException(
        ErrorCode.InvalidInput,
        `${row.date ?? row.year} 已有调整记录（${clash.kind}）`,
      );
    const added = await this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(CalendarOverrideEntity, {
          ...row,
          note: dto.note ?? null,
          createdById: actor.userId,
        }),
      );
      await tx.save(AuditEventEntity, {
        actorId: actor.userId,
        actorName: actor.displayName,
        event: 'calendar_changed',
        after: {
          op: 'add',
          kind: saved.kind,
          date: saved.date,
          year: saved.year,
          note: saved.note,
        },
        at: new Date(),
      });
      return saved;
    });
    return toCalendarOverrideView(added);
  }

  async removeOverride(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await tx.findOneBy(CalendarOverrideEntity, { id });
      if (!row) throw new DomainException(ErrorCode.NotFound, `调整记录不存在：${id}`);
      await tx.delete(CalendarOverrideEntity, { id });
      await tx.save(AuditEventEntity, {
        actorId: actor.userId,
        actorName: actor.displayName,
        event: 'calendar_changed',
        before: { kind: row.kind, date: row.date, year: row.year, note: row.note },
        after: { op: 'remove' },
        at: new Date(),
      });
    });
  }
}
