import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@workpoints/contracts';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'zlglc.staff2' })
  @Matches(/^[a-z][a-z0-9._-]{2,63}$/)
  username!: string;

  @ApiProperty({ example: '赵六' })
  @IsString()
  @Length(1, 50)
  displayName!: string;

  @ApiProperty({
    minLength: 12,
    description: '初始密码（至少 12 个字符，不能是常见密码）；本人首次登录时须改为自己的密码',
  })
  @IsString()
  @Length(1, 1000)
  password!: string;

  @ApiPropertyOptional({ description: '通知邮箱' })
  @IsOptional()
  @IsEmail({}, { message: 'email 应为电子邮箱地址' })
  @Length(3, 200)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class ListUsersQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** An admin's change of an account: only the fields given change. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '赵六' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  displayName?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '所在单位；null 为不属于任何单位',
  })
  @ValidateIf((o: UpdateUserDto) => o.departmentId !== null && o.departmentId !== undefined)
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, description: '通知邮箱；null 为不发邮件' })
  @ValidateIf((o: UpdateUserDto) => o.email !== null && o.email !== undefined)
  @IsEmail({}, { message: 'email 应为电子邮箱地址' })
  @Length(3, 200)
  email?: string | null;
}
