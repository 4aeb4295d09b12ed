import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Actor, LoginView, PasswordResetView, Role, UserView } from '@workpoints/contracts';
import { ActorResponse, ROLE_ENUM } from '../../common/shared.responses';
import { ApiDateTime, ApiId, ApiNullableString } from '../../common/openapi-properties';

@ApiSchema({ name: 'User', description: '用户（不含密码）' })
export class UserResponse implements UserView {
  @ApiId()
  id!: string;

  @ApiProperty({ example: 'zhangsan' })
  username!: string;

  @ApiProperty({ example: '张三' })
  displayName!: string;

  @ApiId({ nullable: true })
  departmentId!: string | null;

  @ApiProperty({ ...ROLE_ENUM, isArray: true })
  roles!: Role[];

  @ApiProperty()
  active!: boolean;

  @ApiNullableString({ description: '通知邮箱' })
  email!: string | null;

  @ApiDateTime({ nullable: true, description: '因连续登录失败锁定至此时；未锁定为 null' })
  lockedUntil!: string | null;

  @ApiProperty({ description: '新账号或被重置密码：下次登录须先设置自己的密码' })
  mustChangePassword!: boolean;

  @ApiDateTime({ nullable: true })
  lastSignInAt!: string | null;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime()
  updatedAt!: string;
}

@ApiSchema({
  name: 'Login',
  description: '登录结果：短期访问令牌与当前用户（浏览器另得 HttpOnly 的刷新令牌 Cookie）',
})
export class LoginResponse implements LoginView {
  @ApiProperty({ description: '访问令牌（Authorization: Bearer …），有效期见 expiresIn' })
  accessToken!: string;

  @ApiProperty({ description: '访问令牌的有效秒数' })
  expiresIn!: number;

  @ApiProperty({ type: () => ActorResponse })
  user!: Actor;

  @ApiProperty({ description: 'true：须先修改密码，其他接口一律拒绝（PASSWORD_CHANGE_REQUIRED）' })
  mustChangePassword!: boolean;
}

@ApiSchema({
  name: 'PasswordReset',
  description: '重置结果：一次性密码（只显示这一次，系统不保存）',
})
export class PasswordResetResponse implements PasswordResetView {
  @ApiProperty({ example: 'k7Vb-9mQ2-xz4R-p8Hn' })
  oneTimePassword!: string;
}
