import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type TicketPurpose, type TicketView } from '@workpoints/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DomainException } from '../common/domain.exception';
import { AuthRedis } from './auth-redis.service';

/** How long a ticket may wait before it is used: enough to open a connection, no more. */
export const TICKET_TTL_SECONDS = 30;

interface TicketRecord {
  sessionId: string;
  purpose: TicketPurpose;
}

/**
 * One-time tickets for the URLs a browser opens without an Authorization header (the inbox
 * stream's EventSource, the queue board's first page): a random value valid for seconds, for
 * one purpose, used once (`GETDEL`), and naming a session — so the long-lived credentials never
 * appear in a URL, and a ticket that leaks into a log is already spent.
 */
@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);

  constructor(private readonly redis: AuthRedis) {}

  async issue(sessionId: string, purpose: TicketPurpose): Promise<TicketView> {
    const ticket = randomBytes(32).toString('base64url');
    try {
      await this.redis.client.set(
        this.key(ticket),
        JSON.stringify({ sessionId, purpose } satisfies TicketRecord),
        'EX',
        TICKET_TTL_SECONDS,
      );
    } catch (error) {
      this.logger.warn(`ticket not stored: ${(error as Error).message}`);
      throw new DomainException(ErrorCode.Overloaded, '暂时无法建立实时连接，请稍后再试');
    }
    return { ticket, expiresIn: TICKET_TTL_SECONDS };
  }

  /** The session a ticket names, spending it; null when unknown, spent, expired or for another use. */
  async redeem(ticket: string, purpose: TicketPurpose): Promise<string | null> {
    let raw: string | null;
    try {
      raw = await this.redis.client.getdel(this.key(ticket));
    } catch (error) {
      this.logger.warn(`ticket not read: ${(error as Error).message}`);
      return null;
    }
    if (!raw) return null;
    const record = JSON.parse(raw) as TicketRecord;
    return record.purpose === purpose ? record.sessionId : null;
  }

  private key(ticket: string): string {
    return this.redis.key('ticket', createHash('sha256').update(ticket).digest('hex'));
  }
}
