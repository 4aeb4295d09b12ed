import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type Actor, type PlanSummaryView, type PlanView } from '@workpoints/contracts';
import {
  assignmentProblems,
  canManagePlans,
  canViewPoint,
  policyProblems,
  publicationProblems,
  resolvePolicy,
  shanghaiDate,
} from '@workpoints/domain';
import {
  AuditEventEntity,
  PlanEntity,
  PlanNodeEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { visiblePlan } from '../access/scope';
import { DomainException } from '../common/domain.exception';
import { DepartmentsService } from '../departments/departments.service';
import { partiesOf } from '../points/points.service';
import { UsersService } from '../users/users.service';
import type { CreatePlanDto, PointDraftDto } from './dto/create-plan.dto';
import { toPlanPointView, toPlanSummaryView, toPlanTree, withPointsOnly } from './plan.mapper';

interface FlatPoint {
  draft: PointDraftDto;
  nodeKey: string | null;
}

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly users: UsersService,
    private readonly calendar: CalendarService,
  ) {}

  /** The plans the actor may know of: every one for the office, else the published ones. */
  async list(actor: Actor): Promise<PlanSummaryView[]> {
    const office = canManagePlans(actor);
    const plans = await this.dataSource.getRepository(PlanEntity).find({
      where: office ? {} : { status: 'published' },
      order: { createdAt: 'DESC' },
    });
    return plans.map((p) => {
      const view = toPlanSummaryView(p);
      // What the importer was unsure of is for whoever checks the draft: the office.
      return office ? view : { ...view, warnings: [] };
    });
  }

  /** Creates a draft plan from a JSON tree of chapters, sections and points. */
  async create(dto: CreatePlanDto, actor: Actor): Promise<PlanView> {
    const flat = this.flatten(dto);
    if (flat.length === 0)
      throw new DomainException(ErrorCode.InvalidInput, '计划中没有任何工作要点');
    const numbers = this.number(flat.map((f) => f.draft));
    await this.checkAssignments(flat.map((f) => f.draft));

    const planId = await this.dataSource.transaction(async (tx) => {
      const plan = await tx.save(
        tx.create(PlanEntity, {
          title: dto.title,
          year: dto.year,
          status: 'draft',
          createdById: actor.userId,
        }),
      );
      const nodeIds = new Map<string, string>();
      for (const [ci, chapter] of (dto.chapters ?? []).entries()) {
        const c = await tx.save(
          tx.create(PlanNodeEntity, {
            planId: plan.id,
            parentId: null,
            kind: 'chapter',
            label: chapter.label ?? '',
            title: chapter.title,
            position: ci,
          }),
        );
        nodeIds.set(`c${ci}`, c.id);
        for (const [si, section] of (chapter.sections ?? []).entries()) {
          const s = await tx.save(
            tx.create(PlanNodeEntity, {
              planId: plan.id,
              parentId: c.id,
              kind: 'section',
              label: section.label ?? '',
              title: section.title,
              position: si,
            }),
          );
          nodeIds.set(`c${ci}s${si}`, s.id);
        }
      }
      await tx.insert(
        WorkPointEntity,
        flat.map((f, i) => ({
          planId: plan.id,
          nodeId: f.nodeKey ? (nodeIds.get(f.nodeKey) ?? null) : null,
          number: numbers[i],
          title: f.draft.title,
          text: f.draft.text ?? '',
          leadDepartmentId: f.draft.leadDepartmentId ?? null,
          deadline: f.draft.deadline ?? null,
          supervisorId: f.draft.supervisorId ?? null,
          status: 'draft' as const,
          position: i,
        })),
      );
      const points = await tx.find(WorkPointEntity, {
        where: { planId: plan.id },
        order: { position: 'ASC' },
      });
      for (const [i, point] of points.entries()) {
        const co = flat[i]?.draft.coDepartmentIds ?? [];
        if (co.length > 0)
          await tx
            .createQueryBuilder()
            .relation(WorkPointEntity, 'coDepartments')
            .of(point)
            .add(co);
      }
      await tx.save(AuditEventEntity, {
        planId: plan.id,
        pointId: null,
        actorId: actor.userId,
        actorName: actor.displayName,
        event: 'plan_created',
        after: { title: dto.title, year: dto.year, points: flat.length },
        at: new Date(),
      });
      return plan.id;
    });
    return this.get(planId, actor);
  }

  /**
   * The plan as the actor may read it. The office reads all of it, drafts included. Anyone
   * else reads a published plan with the points of their remit only (`canViewPoint`) and the
   * headings above them: no other point is sent, not its id, text, reports or suggestions, so
   * a point they cannot read is one they cannot name. A draft is "not found" to them.
   */
  async get(planId: string, actor: Actor): Promise<PlanView> {
    const plan = await visiblePlan(this.dataSource, planId, actor);
    const office = canManagePlans(actor);
    const nodes = await this.dataSource
      .getRepository(PlanNodeEntity)
      .find({ where: { planId }, order: { position: 'ASC' } });
    const points = await this.dataSource.getRepository(WorkPointEntity).find({
      where: { planId },
      relations: { coDepartments: true },
      order: { number: 'ASC' },
    });
    const shown = office ? points : points.filter((p) => canViewPoint(actor, partiesOf(p)));
    const summary = toPlanSummaryView(plan);
    return {
      id: summary.id,
      title: summary.title,
      year: summary.year,
      status: summary.status,
      publishedAt: summary.publishedAt,
      policy: resolvePolicy(plan.policy),
      ownPolicy: plan.policy,
      targets: summary.targets,
      warnings: office ? [...plan.warnings, ...(await this.calendarWarnings(points))] : [],
      nodes: office ? toPlanTree(nodes, points) : withPointsOnly(toPlanTree(nodes, shown)),
      // The import's department suggestions are drafting aids of the office.
      points: shown.map((p) =>
        office ? toPlanPointView(p) : { ...toPlanPointView(p), suggestions: null },
      ),
    };
  }

  /** A visible warning while any deadline falls in a year the working-day calendar does not know. */
  private async calendarWarnings(points: WorkPointEntity[]): Promise<string[]> {
    const years = await this.calendar.unknownYears(
      points.flatMap((p) => (p.deadline ? [p.deadline] : [])),
    );
    return years.map(
      (y) =>
        `工作日历中还没有 ${y} 年的节假日安排：发布前请录入该年的节假日和调休，或确认该年只按周末计算`,
    );
  }

  /** Points of a plan that cannot be published yet, each with what it lacks. */
  /**
   * Points that cannot be published yet, each with its problems — including a policy that is
   * invalid once the plan's fields and the point's own are combined.
   */
  unready(
    points: WorkPointEntity[],
    today: string,
    planPolicy: PlanEntity['policy'] = null,
  ): { number: number; problems: string[] }[] {
    return points
      .map((p) => ({
        number: p.number,
        problems: [
          ...publicationProblems(p, today),
          ...policyProblems(resolvePolicy(planPolicy, p.policy)).map((m) => `督办规则：${m}`),
        ],
      }))
      .filter((p) => p.problems.length > 0);
  }

  today(): string {
    return shanghaiDate(new Date());
  }

  async audit(tx: EntityManager, row: Partial<AuditEventEntity>): Promise<void> {
    await tx.save(AuditEventEntity, { at: new Date(), ...row });
  }

  private flatten(dto: CreatePlanDto): FlatPoint[] {
    const out: FlatPoint[] = [];
    for (const [ci, chapter] of (dto.chapters ?? []).entries()) {
      for (const draft of chapter.points ?? []) out.push({ draft, nodeKey: `c${ci}` });
      for (const [si, section] of (chapter.sections ?? []).entries())
        for (const draft of section.points ?? []) out.push({ draft, nodeKey: `c${ci}s${si}` });
    }
    for (const draft of dto.points ?? []) out.push({ draft, nodeKey: null });
    return out;
  }

  /** Given numbers are kept; missing ones continue from the highest so far, in document order. */
  private number(drafts: PointDraftDto[]): number[] {
    const given = drafts.map((d) => d.number).filter((n): n is number => n !== undefined);
    const duplicate = given.find((n, i) => given.indexOf(n) !== i);
    if (duplicate !== undefined)
      throw new DomainException(ErrorCode.InvalidInput, `要点序号 ${duplicate} 重复`);
    const used = new Set(given);
    let next = 1;
    return drafts.map((d) => {
      if (d.number !== undefined) return d.number;
      while (used.has(next)) next += 1;
      used.add(next);
      return next;
    });
  }

  /**
   * The assignment rules, for a new plan and for an edited draft point alike: departments exist,
   * the lead is not also a co-department, the supervisor holds that role.
   */
  async checkAssignments(
    drafts: Pick<
      PointDraftDto,
      'title' | 'leadDepartmentId' | 'coDepartmentIds' | 'supervisorId'
    >[],
  ): Promise<void> {
    const departmentIds = drafts.flatMap((d) => [
      ...(d.leadDepartmentId ? [d.leadDepartmentId] : []),
      ...(d.coDepartmentIds ?? []),
    ]);
    await this.departments.requireAll(departmentIds, 'leadDepartmentId/coDepartmentIds');
    for (const d of drafts) {
      const problems = assignmentProblems(d, { draft: true });
      if (problems.length > 0)
        throw new DomainException(ErrorCode.InvalidInput, `“${d.title}”：${problems.join('；')}`, {
          problems,
        });
    }
    const supervisors = [
      ...new Set(drafts.map((d) => d.supervisorId).filter((s): s is string => !!s)),
    ];
    for (const id of supervisors) await this.users.requireRole(id, 'supervisor', 'supervisorId');
  }
}
