import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PURPOSES, type TicketPurpose } from '@workpoints/contracts';
import { PASSWORD_MAX_LENGTH } from '@workpoints/domain';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码（新账号或被重置的账号：管理员给的一次性密码）' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({
    description: '新密码：至少 12 个字符，不要求字符种类，不能是常见密码或含用户名、姓名',
    minLength: 12,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @Length(1, 1000)
  newPassword!: string;
}

export class TicketDto {
  @ApiProperty({ enum: TICKET_PURPOSES, description: '票据用于：站内消息推送或队列看板' })
  @IsIn(TICKET_PURPOSES)
  purpose!: TicketPurpose;
}

export class SsoStartQuery {
  @ApiPropertyOptional({ description: '登录后回到的页面（本站路径，如 /points）', example: '/' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  // A path of this site only: `//host` and `/\host` would leave it (an open redirect).
  @Matches(/^\/(?![/\\])[^\\]*$/, { message: 'returnTo 应为以 / 开头的本站路径' })
  returnTo?: string;
}
