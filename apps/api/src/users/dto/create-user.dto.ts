import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@workpoints/contracts';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'zlglc.staff2' })
  @Matches(/^[a-z][a-z0-9._-]{2,63}$/)
  username!: string;

  @ApiProperty({ example: '赵六' })
  @IsString()
  @Length(1, 50)
  displayName!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @Length(8, 200)
  password!: string;

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
