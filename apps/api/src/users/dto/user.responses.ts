import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Actor, LoginView, Role, UserView } from '@workpoints/contracts';
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

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime()
  updatedAt!: string;
}

@ApiSchema({ name: 'Login', description: '登录结果：访问令牌与当前用户' })
export class LoginResponse implements LoginView {
  @ApiProperty({ description: '访问令牌（Authorization: Bearer …）' })
  accessToken!: string;

  @ApiProperty({ type: () => ActorResponse })
  user!: Actor;
}
