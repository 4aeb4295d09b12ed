import type { Role } from '@workpoints/contracts';
import { argon2id, hash } from 'argon2';
import type { DataSource } from 'typeorm';
import { DepartmentEntity } from '../entities/department.entity';
import { UserEntity } from '../entities/user.entity';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  departmentName: string;
}

const BUREAU = { code: 'bureau', name: '市知识产权局' };

/** The divisions in the order the office lists them, each with its head and one staff member. */
const DIVISIONS = [
  { code: 'bgs', name: '办公室', head: '刘建国', staff: '陈晓燕' },
  { code: 'tfc', name: '条法处', head: '赵立新', staff: '孙婷' },
  { code: 'zlglc', name: '专利管理处', head: '周海涛', staff: '吴佳怡' },
  { code: 'sbppc', name: '商标品牌处', head: '郑文华', staff: '冯雪' },
  { code: 'yycjc', name: '运用促进处', head: '何志强', staff: '许嘉琪' },
  { code: 'bhc', name: '保护处', head: '杨振东', staff: '马丽娟' },
  { code: 'ggfwc', name: '公共服务处', head: '黄志远', staff: '林静' },
  { code: 'rsc', name: '人事处', head: '徐凤霞', staff: '高磊' },
  { code: 'ghcwc', name: '规划财务处', head: '胡春梅', staff: '郭鹏' },
  { code: 'jgdw', name: '机关党委', head: '罗国庆', staff: '唐悦' },
] as const;

/** Serialises concurrent seeders (two processes starting on a fresh database). */
const SEED_LOCK_KEY = 742_002;

/**
 * Seeds the demo organisation: the bureau (市知识产权局) with ten divisions, an admin, the
 * coordinator (督办员), a head and a staff member per division and two supervisors (分管领导),
 * all with `opts.password`. Idempotent: when the bureau already exists nothing changes and the
 * result is null. Everything is written in one transaction.
 */
export async function seedDemoOrganisation(
  ds: DataSource,
  opts: { password: string },
): Promise<DemoAccount[] | null> {
  if (await bureauExists(ds)) return null;

  const plan = demoAccounts();
  // Hash before the transaction opens: argon2 is deliberately slow, and each user gets a salt.
  const hashes = await Promise.all(plan.map(() => hash(opts.password, { type: argon2id })));

  return ds.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await tx.existsBy(DepartmentEntity, { code: BUREAU.code })) return null;

    const bureau = await tx.save(
      tx.create(DepartmentEntity, { ...BUREAU, kind: 'bureau', parentId: null, position: 0 }),
    );
    const departments = new Map<string, DepartmentEntity>([[BUREAU.code, bureau]]);
    for (const [index, division] of DIVISIONS.entries()) {
      const saved = await tx.save(
        tx.create(DepartmentEntity, {
          code: division.code,
          name: division.name,
          kind: 'division',
          parentId: bureau.id,
          position: index + 1,
        }),
      );
      departments.set(division.code, saved);
    }

    await tx.insert(
      UserEntity,
      plan.map((account, i) => ({
        username: account.username,
        displayName: account.displayName,
        passwordHash: hashes[i],
        roles: account.roles,
        departmentId: departments.get(account.departmentCode)?.id ?? null,
        active: true,
      })),
    );

    return plan.map(({ departmentCode, ...account }) => ({
      ...account,
      departmentName: departments.get(departmentCode)?.name ?? '',
    }));
  });
}

async function bureauExists(ds: DataSource): Promise<boolean> {
  return ds.getRepository(DepartmentEntity).existsBy({ code: BUREAU.code });
}

function demoAccounts(): (Omit<DemoAccount, 'departmentName'> & { departmentCode: string })[] {
  return [
    { username: 'admin', displayName: '系统管理员', roles: ['admin'], departmentCode: BUREAU.code },
    {
      username: 'coordinator',
      displayName: '王敏',
      roles: ['coordinator', 'staff'],
      departmentCode: 'bgs',
    },
    {
      username: 'supervisor.li',
      displayName: '李副局长',
      roles: ['supervisor'],
      departmentCode: BUREAU.code,
    },
    {
      username: 'supervisor.zhang',
      displayName: '张副局长',
      roles: ['supervisor'],
      departmentCode: BUREAU.code,
    },
    ...DIVISIONS.flatMap((division) => [
      {
        username: `${division.code}.head`,
        displayName: division.head,
        roles: ['head'] as Role[],
        departmentCode: division.code,
      },
      {
        username: `${division.code}.staff`,
        displayName: division.staff,
        roles: ['staff'] as Role[],
        departmentCode: division.code,
      },
    ]),
  ];
}
