import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type Actor } from '@workpoints/contracts';
import { UserEntity } from '@workpoints/persistence';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception';

export interface TokenPayload {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; user: Actor }> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    // One message for unknown user and wrong password: no account enumeration.
    const ok = user?.active === true && (await argon2.verify(user.passwordHash, password));
    if (!user || !ok) throw new DomainException(ErrorCode.Unauthenticated, '用户名或密码错误');
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenPayload);
    return { accessToken, user: toActor(user) };
  }

  async actorFromToken(token: string): Promise<Actor> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new DomainException(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    }
    const user = await this.users.findOne({ where: { id: payload.sub } });
    if (!user?.active) throw new DomainException(ErrorCode.Unauthenticated, '账号不存在或已停用');
    return toActor(user);
  }
}

export function toActor(user: UserEntity): Actor {
  return {
    userId: user.id,
    displayName: user.displayName,
    departmentId: user.departmentId,
    roles: [...user.roles],
  };
}
