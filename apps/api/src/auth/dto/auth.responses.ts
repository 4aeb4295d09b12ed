import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  SIGN_IN_METHODS,
  type AuthOptionsView,
  type SessionView,
  type SessionsRevokedView,
  type SignInMethod,
  type TicketView,
} from '@workpoints/contracts';
import { ApiDateTime, ApiId, ApiNullableString } from '../../common/openapi-properties';

class SsoOptionResponse {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ example: '统一身份认证登录' })
  label!: string;
}

class PasswordOptionResponse {
  @ApiProperty({ example: 12 })
  minLength!: number;

  @ApiProperty({ example: 128 })
  maxLength!: number;
}

@ApiSchema({ name: 'AuthOptions', description: '登录方式：统一身份认证是否开启，密码长度要求' })
export class AuthOptionsResponse implements AuthOptionsView {
  @ApiProperty({ type: () => SsoOptionResponse })
  sso!: { enabled: boolean; label: string };

  @ApiProperty({ type: () => PasswordOptionResponse })
  password!: { minLength: number; maxLength: number };
}

@ApiSchema({ name: 'Session', description: '一次登录（一台设备）' })
export class SessionResponse implements SessionView {
  @ApiId()
  id!: string;

  @ApiProperty({ description: '发出此请求的会话' })
  current!: boolean;

  @ApiProperty({ enum: SIGN_IN_METHODS, enumName: 'SignInMethod' })
  method!: SignInMethod;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime()
  lastUsedAt!: string;

  @ApiDateTime({ description: '最迟结束时间（会话最长时间）' })
  expiresAt!: string;

  @ApiNullableString()
  ip!: string | null;

  @ApiNullableString()
  userAgent!: string | null;
}

@ApiSchema({ name: 'SessionsRevoked', description: '结束的会话数' })
export class SessionsRevokedResponse implements SessionsRevokedView {
  @ApiProperty()
  revoked!: number;
}

@ApiSchema({ name: 'Ticket', description: '一次性票据：几秒内有效，只能打开一次连接' })
export class TicketResponse implements TicketView {
  @ApiProperty()
  ticket!: string;

  @ApiProperty({ example: 30 })
  expiresIn!: number;
}
