import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type UserView } from '@workpoints/contracts';
import { UserEntity } from '@workpoints/persistence';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { DepartmentsService } from '../departments/departments.service';
import type { CreateUserDto, ListUsersQuery } from './dto/create-user.dto';
import { toUserView } from './user.mapper';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly departments: DepartmentsService,
  ) {}

  async list(query: ListUsersQuery): Promise<UserView[]> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.username', 'ASC');
    if (query.departmentId) qb.andWhere('u.departmentId = :d', { d: query.departmentId });
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    return (await qb.getMany()).map(toUserView);
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    if (await this.users.existsBy({ username: dto.username }))
      throw new DomainException(ErrorCode.InvalidInput, `username: 用户名 ${dto.username} 已存在`);
    if (dto.departmentId) await this.departments.requireAll([dto.departmentId], 'departmentId');
    const saved = await this.users.save(
      this.users.create({
        username: dto.username,
        displayName: dto.displayName,
        passwordHash: await argon2.hash(dto.password, { type: argon2.argon2id }),
        departmentId: dto.departmentId ?? null,
        roles: dto.roles,
      }),
    );
    return toUserView(await this.users.findOneByOrFail({ id: saved.id }));
  }

  /** The user must exist and hold the role; used for a point's supervisor. */
  async requireRole(id: string, role: string, field: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainException(ErrorCode.InvalidInput, `${field}: 用户不存在 ${id}`);
    if (!user.roles.includes(role as UserEntity['roles'][number]))
      throw new DomainException(
        ErrorCode.InvalidInput,
        `${field}: ${user.displayName} 不是分管领导`,
      );
    return user;
  }
}
