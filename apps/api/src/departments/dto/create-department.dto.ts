import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'zlglc', description: '单位代码（小写字母、数字、连字符）' })
  @Matches(/^[a-z][a-z0-9-]{1,31}$/)
  code!: string;

  @ApiProperty({ example: '专利管理处' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ description: '上级单位' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
