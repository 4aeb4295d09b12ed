import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type DepartmentNode, type DepartmentView } from '@workpoints/contracts';
import { DepartmentEntity } from '@workpoints/persistence';
import { In, Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { toDepartmentNode, toDepartmentView } from './department.mapper';
import type { CreateDepartmentDto } from './dto/create-department.dto';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
  ) {}

  async list(): Promise<DepartmentView[]> {
    return (await this.all()).map(toDepartmentView);
  }

  /** The organisation as a tree (a bureau and its divisions). */
  async tree(): Promise<DepartmentNode[]> {
    const all = await this.all();
    const nodes = new Map<string, DepartmentNode>(all.map((d) => [d.id, toDepartmentNode(d)]));
    const roots: DepartmentNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  async create(dto: CreateDepartmentDto): Promise<DepartmentView> {
    if (await this.departments.existsBy({ code: dto.code }))
      throw new DomainException(ErrorCode.InvalidInput, `单位代码 ${dto.code} 已存在`);
    if (dto.parentId) await this.requireAll([dto.parentId], 'parentId');
    const saved = await this.departments.save(
      this.departments.create({
        code: dto.code,
        name: dto.name,
        kind: dto.parentId ? 'division' : 'bureau',
        parentId: dto.parentId ?? null,
      }),
    );
    // Read back, so the answer has the defaults the database filled in (position).
    return toDepartmentView(await this.departments.findOneByOrFail({ id: saved.id }));
  }

  private all(): Promise<DepartmentEntity[]> {
    return this.departments.find({ order: { position: 'ASC', name: 'ASC' } });
  }

  /** Every id must name a department; the error says which field and which ids do not. */
  async requireAll(ids: string[], field: string): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.departments.findBy({ id: In(unique) });
    const missing = unique.filter((id) => !found.some((d) => d.id === id));
    if (missing.length > 0)
      throw new DomainException(
        ErrorCode.InvalidInput,
        `${field}: 单位不存在 ${missing.join(', ')}`,
      );
  }
}
