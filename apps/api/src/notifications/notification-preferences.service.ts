import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  type NotificationPreferences,
  type NotificationSettingsView,
} from '@workpoints/contracts';
import { notificationPreferences } from '@workpoints/domain';
import { UserEntity } from '@workpoints/persistence';
import { Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import type { NotificationPreferencesDto } from './dto/preferences.dto';

/** A user's own notification settings: channels per kind, digest, quiet hours, email. */
@Injectable()
export class NotificationPreferencesService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async get(userId: string): Promise<NotificationSettingsView> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new DomainException(ErrorCode.NotFound, `用户不存在：${userId}`);
    return {
      email: user.email,
      own: user.notificationPreferences,
      effective: notificationPreferences(user.notificationPreferences),
    };
  }

  /** Replaces the user's choices; a field left out takes the default. */
  async put(userId: string, dto: NotificationPreferencesDto): Promise<NotificationSettingsView> {
    const own: Partial<NotificationPreferences> = {
      ...(dto.channels === undefined ? {} : { channels: [...dto.channels] }),
      ...(dto.kinds === undefined ? {} : { kinds: { ...dto.kinds } }),
      ...(dto.digestTime === undefined ? {} : { digestTime: dto.digestTime }),
      ...(dto.quietHours === undefined
        ? {}
        : { quietHours: { from: dto.quietHours.from, to: dto.quietHours.to } }),
    };
    await this.users.update(
      { id: userId },
      { notificationPreferences: Object.keys(own).length > 0 ? own : null },
    );
    return this.get(userId);
  }

  async putEmail(userId: string, email: string | null): Promise<NotificationSettingsView> {
    await this.users.update({ id: userId }, { email: email?.trim() || null });
    return this.get(userId);
  }
}
