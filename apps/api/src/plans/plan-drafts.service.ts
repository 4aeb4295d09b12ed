import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type AppliedSuggestionsView,
  type PlanHeadingView,
  type PlanPointView,
  type PointPolicy,
} from '@workpoints/contracts';
import { policyChangeProblems, resolvePolicy } from '@workpoints/domain';
import {
  AuditEventEntity,
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import type { AddPointDto, EditPlanDto, EditPointDto } from './dto/edit-draft.dto';
import { toPlanHeadingView, toPlanPointView } from './plan.mapper';
import { PlansService } from './plans.service';

const ASSIGNMENT_FIELDS = new Set([
  'leadDepartmentId',
  'coDepartmentIds',
  'deadline',
  'supervisorId',
]);

/** Sentences of a point's text, each keeping its 。 */
function sentences(text: string): string[] {
  return (
    text
      .match(/[^。]+。?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

const titleOf = (text: string) => (sentences(text)[0] ?? text).replace(/。$/, '').slice(0, 500);

/**
 * Edits of a draft plan the coordinator makes after an import (rename, move, renumber, add,
 * delete, merge, split, change targets or deadlines). Each edit runs in one transaction with
 * the plan row locked, keeps numbers 1…n without gaps, and leaves an audit row with what it
 * changed. A published plan refuses them.
 */
@Injectable()
export class PlanDraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  /** The plan's own policy fields, over the defaults, for every point that does not set its own. */
  editPlan(planId: string, dto: EditPlanDto, actor: Actor): Promise<PlanEntity> {
    return this.inDraft(planId, actor, async (tx, audit, plan) => {
      if (dto.policy === undefined) return plan;
      const before = plan.policy;
      plan.policy = mergePolicy(plan.policy, dto.policy, null);
      await tx.save(plan);
      await audit(
        { op: 'edit_plan', before: { policy: before }, after: { policy: plan.policy } },
        null,
      );
      return plan;
    });
  }

  edit(planId: string, pointId: string, dto: EditPointDto, actor: Actor): Promise<PlanPointView> {
    return this.inDraft(planId, actor, async (tx, audit, plan) => {
      const point = await this.point(tx, planId, pointId);
      const before = snapshot(point);
      await this.plans.checkAssignments([
        {
          title: point.title,
          leadDepartmentId: dto.leadDepartmentId ?? point.leadDepartmentId ?? undefined,
          coDepartmentIds: dto.coDepartmentIds ?? (point.coDepartments ?? []).map((d) => d.id),
          supervisorId: dto.supervisorId,
        },
      ]);
      if (dto.nodeId) await this.node(tx, planId, dto.nodeId);
      if (dto.title !== undefined) point.title = dto.title;
      if (dto.text !== undefined) point.text = dto.text;
      if (dto.leadDepartmentId !== undefined) point.leadDepartmentId = dto.leadDepartmentId;
      if (dto.coDepartmentIds !== undefined)
        point.coDepartments = await tx.findBy(DepartmentEntity, { id: In(dto.coDepartmentIds) });
      if (dto.supervisorId !== undefined) point.supervisorId = dto.supervisorId;
      if (dto.deadline !== undefined) point.deadline = dto.deadline;
      if (dto.deadlineText !== undefined) point.deadlineText = dto.deadlineText;
      if (dto.nodeId !== undefined) point.nodeId = dto.nodeId;
      if (dto.targets !== undefined) point.targets = dto.targets.map((t) => ({ ...t }));
      if (dto.subItems !== undefined) point.subItems = dto.subItems;
      if (dto.policy !== undefined)
        point.policy = mergePolicy(point.policy, dto.policy, plan.policy, `第${point.number}项`);
      await tx.save(point);
      if (dto.number !== undefined && dto.number !== point.number)
        await this.moveTo(tx, planId, point.id, dto.number);
      const after = await this.point(tx, planId, pointId);
      // An assignment alone shows on the point's timeline as 调整交办; anything else is a draft edit.
      const assignmentOnly = Object.keys(dto).every((k) => ASSIGNMENT_FIELDS.has(k));
      await audit(
        { op: 'edit', pointId, before, after: snapshot(after) },
        pointId,
        assignmentOnly ? 'plan_assigned' : 'plan_edited',
      );
      return toPlanPointView(after);
    });
  }

  add(planId: string, dto: AddPointDto, actor: Actor): Promise<PlanPointView> {
    return this.inDraft(planId, actor, async (tx, audit) => {
      if (dto.nodeId) await this.node(tx, planId, dto.nodeId);
      const count = await tx.countBy(WorkPointEntity, { planId });
      const point = await tx.save(
        tx.create(WorkPointEntity, {
          planId,
          nodeId: dto.nodeId ?? null,
          number: count + 1,
          title: dto.title,
          text: dto.text ?? dto.title,
          status: 'draft',
          position: count,
        }),
      );
      if (dto.number !== undefined && dto.number <= count)
        await this.moveTo(tx, planId, point.id, dto.number);
      const after = await this.point(tx, planId, point.id);
      await audit({ op: 'add', after: snapshot(after) }, point.id);
      return toPlanPointView(after);
    });
  }

  remove(planId: string, pointId: string, actor: Actor): Promise<void> {
    return this.inDraft(planId, actor, async (tx, audit) => {
      const point = await this.point(tx, planId, pointId);
      await tx.delete(WorkPointEntity, { id: point.id });
      await this.resequence(tx, planId);
      await audit({ op: 'delete', before: snapshot(point) }, null);
    });
  }

  /** `otherId` is merged into `pointId`: its text, sub-items and targets follow; it is removed. */
  merge(planId: string, pointId: string, otherId: string, actor: Actor): Promise<PlanPointView> {
    if (pointId === otherId)
      throw new DomainException(ErrorCode.InvalidInput, 'pointId: 不能与自身合并');
    return this.inDraft(planId, actor, async (tx, audit) => {
      const point = await this.point(tx, planId, pointId);
      const other = await this.point(tx, planId, otherId);
      const before = [snapshot(point), snapshot(other)];
      point.text = [point.text, other.text].filter(Boolean).join('\n');
      point.subItems = [...point.subItems, ...other.subItems];
      point.targets = [...point.targets, ...other.targets];
      point.mentionedUnits = [...new Set([...point.mentionedUnits, ...other.mentionedUnits])];
      await tx.save(point);
      await tx.delete(WorkPointEntity, { id: other.id });
      await this.resequence(tx, planId);
      const after = await this.point(tx, planId, pointId);
      await audit({ op: 'merge', before, after: snapshot(after) }, pointId);
      return toPlanPointView(after);
    });
  }

  /** The point keeps its first sentences; from `atSentence` on, the text becomes a new point after it. */
  split(
    planId: string,
    pointId: string,
    atSentence: number,
    actor: Actor,
  ): Promise<PlanPointView[]> {
    return this.inDraft(planId, actor, async (tx, audit) => {
      const point = await this.point(tx, planId, pointId);
      const parts = sentences(point.text);
      if (atSentence > parts.length)
        throw new DomainException(
          ErrorCode.InvalidInput,
          `atSentence: 第${point.number}项只有 ${parts.length} 句，不能从第 ${atSentence} 句拆分`,
        );
      const before = snapshot(point);
      const head = parts.slice(0, atSentence - 1).join('');
      const tail = parts.slice(atSentence - 1).join('');
      point.text = head;
      await tx.save(point);
      const count = await tx.countBy(WorkPointEntity, { planId });
      const created = await tx.save(
        tx.create(WorkPointEntity, {
          planId,
          nodeId: point.nodeId,
          number: count + 1,
          title: titleOf(tail),
          text: tail,
          status: 'draft',
          position: point.position + 1,
        }),
      );
      await this.moveTo(tx, planId, created.id, point.number + 1);
      const result = [
        await this.point(tx, planId, pointId),
        await this.point(tx, planId, created.id),
      ];
      await audit({ op: 'split', before, after: result.map(snapshot) }, pointId);
      return result.map(toPlanPointView);
    });
  }

  /** Renames a chapter or section heading. */
  renameNode(
    planId: string,
    nodeId: string,
    title: string,
    actor: Actor,
  ): Promise<PlanHeadingView> {
    return this.inDraft(planId, actor, async (tx, audit) => {
      await this.node(tx, planId, nodeId);
      const node = await tx.findOneByOrFail(PlanNodeEntity, { id: nodeId });
      const before = node.title;
      node.title = title;
      await tx.save(node);
      await audit({ op: 'rename_node', nodeId, before, after: title }, null);
      return toPlanHeadingView(node);
    });
  }

  /** Takes every suggested lead (and co-departments) where the coordinator has set none. */
  applySuggestions(planId: string, actor: Actor): Promise<AppliedSuggestionsView> {
    return this.inDraft(planId, actor, async (tx, audit) => {
      const points = await tx.find(WorkPointEntity, {
        where: { planId },
        relations: { coDepartments: true },
      });
      let applied = 0;
      for (const p of points) {
        const s = p.suggestions;
        if (!s) continue;
        let changed = false;
        if (!p.leadDepartmentId && s.lead) {
          p.leadDepartmentId = s.lead.departmentId;
          changed = true;
        }
        if ((p.coDepartments ?? []).length === 0 && s.co.length > 0) {
          p.coDepartments = await tx.findBy(DepartmentEntity, {
            id: In(s.co.map((c) => c.departmentId).filter((id) => id !== p.leadDepartmentId)),
          });
          changed = true;
        }
        if (changed) {
          await tx.save(p);
          applied += 1;
        }
      }
      await audit({ op: 'apply_suggestions', applied }, null, 'suggestions_applied');
      return { applied };
    });
  }

  private async inDraft<T>(
    planId: string,
    actor: Actor,
    work: (
      tx: EntityManager,
      audit: (
        after: Record<string, unknown>,
        pointId: string | null,
        event?: AuditEventEntity['event'],
      ) => Promise<void>,
      plan: PlanEntity,
    ) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      const plan = await tx.findOne(PlanEntity, {
        where: { id: planId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!plan) throw new DomainException(ErrorCode.NotFound, `计划不存在：${planId}`);
      if (plan.status !== 'draft')
        throw new DomainException(ErrorCode.PlanState, '计划已发布，草稿不能再修改');
      return work(
        tx,
        async (after, pointId, event = 'plan_edited') => {
          await tx.save(AuditEventEntity, {
            planId,
            pointId,
            actorId: actor.userId,
            actorName: actor.displayName,
            event,
            after,
            at: new Date(),
          });
        },
        plan,
      );
    });
  }

  private async point(
    tx: EntityManager,
    planId: string,
    pointId: string,
  ): Promise<WorkPointEntity> {
    const point = await tx.findOne(WorkPointEntity, {
      where: { id: pointId },
      relations: { coDepartments: true },
    });
    if (!point || point.planId !== planId)
      throw new DomainException(ErrorCode.NotFound, `计划 ${planId} 中没有工作要点 ${pointId}`);
    return point;
  }

  private async node(tx: EntityManager, planId: string, nodeId: string): Promise<void> {
    if (!(await tx.existsBy(PlanNodeEntity, { id: nodeId, planId })))
      throw new DomainException(ErrorCode.InvalidInput, `nodeId: 计划中没有这个章节 ${nodeId}`);
  }

  /** Moves a point to `number` in the plan's order; the others close up around it. */
  private async moveTo(
    tx: EntityManager,
    planId: string,
    pointId: string,
    number: number,
  ): Promise<void> {
    const ordered = (
      await tx.find(WorkPointEntity, {
        where: { planId },
        order: { number: 'ASC' },
        select: { id: true },
      })
    ).map((p) => p.id);
    const rest = ordered.filter((id) => id !== pointId);
    rest.splice(Math.min(Math.max(number - 1, 0), rest.length), 0, pointId);
    await this.write(tx, planId, rest);
  }

  private async resequence(tx: EntityManager, planId: string): Promise<void> {
    const ordered = await tx.find(WorkPointEntity, {
      where: { planId },
      order: { number: 'ASC' },
      select: { id: true },
    });
    await this.write(
      tx,
      planId,
      ordered.map((p) => p.id),
    );
  }

  /** Numbers 1…n in the given order; negated first so the unique (plan, number) key never collides. */
  private async write(tx: EntityManager, planId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query('UPDATE work_points SET number = -number WHERE plan_id = $1', [planId]);
    await tx.query(
      `UPDATE work_points AS p SET number = v.n, position = v.n - 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, n) WHERE p.id = v.id`,
      [ids],
    );
  }
}

function snapshot(p: WorkPointEntity): Record<string, unknown> {
  return {
    number: p.number,
    title: p.title,
    text: p.text,
    nodeId: p.nodeId,
    leadDepartmentId: p.leadDepartmentId,
    coDepartmentIds: (p.coDepartments ?? []).map((d) => d.id).sort(),
    supervisorId: p.supervisorId,
    deadline: p.deadline,
    deadlineText: p.deadlineText,
    targets: p.targets,
    subItems: p.subItems,
    policy: p.policy,
  };
}

/**
 * A draft's own policy fields with `change` merged in (null clears them), refused with every
 * problem in Chinese; `under` is the layer beneath (the plan's, for a point), so a combination
 * that only fails once resolved is caught too.
 */
function mergePolicy(
  own: Partial<PointPolicy> | null,
  change: Partial<PointPolicy> | null,
  under: Partial<PointPolicy> | null,
  where = '计划',
): Partial<PointPolicy> | null {
  if (change === null) return null;
  const merged = { ...own, ...change };
  const problems = policyChangeProblems(change, resolvePolicy(under, own));
  if (problems.length > 0)
    throw new DomainException(ErrorCode.InvalidInput, `${where}的${problems.join('；')}`, {
      problems,
    });
  return Object.keys(merged).length > 0 ? merged : null;
}
