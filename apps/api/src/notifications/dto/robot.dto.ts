import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROBOT_CHANNELS, type RobotChannel } from '@workpoints/contracts';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  ValidateIf,
} from 'class-validator';

export class RobotParams {
  @ApiProperty({ description: '单位编号' })
  @IsUUID('all', { message: 'id 应为单位编号（UUID）' })
  id!: string;

  @ApiProperty({ enum: ROBOT_CHANNELS, description: '机器人渠道' })
  @IsIn(ROBOT_CHANNELS, {
    message: 'channel 应为 wecom（企业微信）、dingtalk（钉钉）或 feishu（飞书）',
  })
  channel!: RobotChannel;
}

export class DepartmentParams {
  @ApiProperty({ description: '单位编号' })
  @IsUUID('all', { message: 'id 应为单位编号（UUID）' })
  id!: string;
}

/**
 * A department's group robot. Creating one needs `webhookUrl`; changing one may leave it out
 * to keep the stored address. `secret`: left out keeps it, null removes it.
 */
export class PutRobotDto {
  @ApiPropertyOptional({
    description: '机器人的 Webhook 地址（http:// 或 https://）；修改时不填则保留原地址',
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  })
  @IsOptional()
  @IsString({ message: 'webhookUrl 应为 http:// 或 https:// 开头的网址' })
  @Length(1, 2000, { message: 'webhookUrl 最长 2000 个字符' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'webhookUrl 应为 http:// 或 https:// 开头的网址' },
  )
  webhookUrl?: string;

  @ApiPropertyOptional({
    description: '加签密钥（钉钉、飞书）；不填则保留，null 表示删除。任何应答都不返回密钥',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'secret 应为文字或 null' })
  @Length(1, 500, { message: 'secret 应为 1 到 500 个字符' })
  secret?: string | null;

  @ApiPropertyOptional({ description: '是否启用', default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled 应为 true 或 false' })
  enabled?: boolean;
}
