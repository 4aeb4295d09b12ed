import { Injectable, Logger, type MessageEvent } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type InboxAnnouncement,
  type InboxEvent,
  type InboxItemView,
  type InboxPage,
  type InboxReadAllView,
  type InboxReadView,
} from '@workpoints/contracts';
import { InboxItemEntity } from '@workpoints/persistence';
import {
  EMPTY,
  type Observable,
  catchError,
  concat,
  concatMap,
  defer,
  filter,
  from,
  interval,
  map,
  merge,
  of,
  take,
  takeUntil,
} from 'rxjs';
import { DataSource, IsNull } from 'typeorm';
import { SessionEndsService } from '../auth/session-ends.service';
import { SessionsService } from '../auth/sessions.service';
import { DomainException } from '../common/domain.exception';
import { iso, isoOrNull } from '../common/wire';
import type { InboxQuery } from './dto/inbox.dto';
import { InboxAnnouncementsService } from './inbox-announcements.service';
import { kindLabel } from './notification-view';

/** A heartbeat comment this often keeps proxies from closing a quiet stream. */
export const INBOX_HEARTBEAT_MS = 20_000;

/**
 * An open stream checks its session this often, for the ends no announcement told this process
 * of (a timeout, a message lost while Redis was away).
 */
export const STREAM_SESSION_CHECK_MS = 30_000;

/** The current user's in-app inbox (站内消息): only ever their own items. */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly announcements: InboxAnnouncementsService,
    private readonly sessions: SessionsService,
    private readonly sessionEnds: SessionEndsService,
  ) {}

  private get items() {
    return this.dataSource.getRepository(InboxItemEntity);
  }

  async list(userId: string, q: InboxQuery): Promise<InboxPage> {
    const qb = this.items
      .createQueryBuilder('i')
      .leftJoin('i.point', 'p')
      .addSelect(['p.id', 'p.planId', 'p.number', 'p.title'])
      .where('i.userId = :userId', { userId })
      .orderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    if (q.unread) qb.andWhere('i.readAt IS NULL');
    const [[rows, total], unreadCount] = await Promise.all([
      qb.getManyAndCount(),
      this.unreadCount(userId),
    ]);
    return {
      total,
      unreadCount,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map(toInboxItemView),
    };
  }

  unreadCount(userId: string): Promise<number> {
    return this.items.countBy({ userId, readAt: IsNull() });
  }

  /** Marks one of the user's items read (once: a second time keeps the first instant). */
  async markRead(userId: string, id: string): Promise<InboxReadView> {
    // Someone else's item is "not found": its existence is none of the caller's business.
    const item = await this.items.findOneBy({ id, userId });
    if (!item) throw new DomainException(ErrorCode.NotFound, `消息不存在：${id}`);
    let readAt = item.readAt;
    if (!readAt) {
      readAt = new Date();
      await this.items.update({ id, userId, readAt: IsNull() }, { readAt });
    }
    return { id, readAt: iso(readAt), unreadCount: await this.unreadCount(userId) };
  }

  async markAllRead(userId: string): Promise<InboxReadAllView> {
    const result = await this.items.update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return { marked: result.affected ?? 0, unreadCount: await this.unreadCount(userId) };
  }

  /**
   * The user's live inbox: first an `unread-count` event (so a page that reconnects is right
   * again), then one message per new item with the new unread count, and a heartbeat comment
   * every INBOX_HEARTBEAT_MS — until the session ends, which it says (`session-ended`, with the
   * reason) before it closes.
   */
  stream(userId: string, sessionId: string): Observable<MessageEvent> {
    const start = defer(() => from(this.unreadCount(userId))).pipe(
      map((unreadCount): MessageEvent => ({ type: 'unread-count', data: { unreadCount } })),
    );
    const items = this.announcements.forUser(userId).pipe(
      concatMap((a) =>
        from(this.event(a)).pipe(
          catchError((error: unknown) => {
            this.logger.warn(`inbox item ${a.inboxItemId} not pushed: ${(error as Error).message}`);
            return EMPTY;
          }),
        ),
      ),
      concatMap((event) => (event ? [{ id: event.id, data: event } as MessageEvent] : [])),
    );
    const heartbeat = interval(INBOX_HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ comment: 'heartbeat' })),
    );
    return this.announcements.untilShutdown(
      concat(
        merge(start, items, heartbeat).pipe(takeUntil(this.sessionEnded(sessionId))),
        defer(() => from(this.endReason(sessionId))).pipe(
          catchError(() => of(null)),
          map((reason): MessageEvent => ({
            type: 'session-ended',
            data: { message: reason ?? '登录已结束，请重新登录' },
          })),
        ),
      ),
    );
  }

  /** Emits once when the session ends: announced by any process, or found at a check. */
  private sessionEnded(sessionId: string): Observable<unknown> {
    const checked = interval(STREAM_SESSION_CHECK_MS).pipe(
      concatMap(() => from(this.endReason(sessionId)).pipe(catchError(() => of(null)))),
      filter((reason) => reason !== null),
    );
    return merge(this.sessionEnds.ended(sessionId), checked).pipe(take(1));
  }

  /** Why the session is over, or null while it lasts (opening a stream is no use of it). */
  private async endReason(sessionId: string): Promise<string | null> {
    try {
      await this.sessions.authenticate(sessionId, { passive: true });
      return null;
    } catch (error) {
      if (error instanceof DomainException) return error.message;
      throw error;
    }
  }

  private async event(a: InboxAnnouncement): Promise<InboxEvent | null> {
    const item = await this.items.findOneBy({ id: a.inboxItemId, userId: a.userId });
    if (!item) return null;
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      text: item.text,
      link: item.link,
      pointId: item.pointId,
      createdAt: iso(item.createdAt),
      unreadCount: await this.unreadCount(a.userId),
    };
  }
}

/** An inbox item; its point (id, plan, number and title) must have been read with it. */
export function toInboxItemView(i: InboxItemEntity): InboxItemView {
  return {
    id: i.id,
    kind: i.kind,
    kindLabel: kindLabel(i.kind),
    title: i.title,
    text: i.text,
    link: i.link,
    createdAt: iso(i.createdAt),
    readAt: isoOrNull(i.readAt),
    point: i.point
      ? { id: i.point.id, planId: i.point.planId, number: i.point.number, title: i.point.title }
      : null,
  };
}
