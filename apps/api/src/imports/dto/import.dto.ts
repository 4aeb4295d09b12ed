import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class ImportOptionsDto {
  @ApiPropertyOptional({
    description: '计划年度（优先于文件中写明的年度；都没有时用当年）',
    example: 2026,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ImportTextDto extends ImportOptionsDto {
  @ApiProperty({ description: '粘贴的计划全文' })
  @IsString()
  @Length(1, 5_000_000)
  text!: string;

  @ApiPropertyOptional({ description: '名称（作为文件名保存）', example: '2026年工作要点' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
}
