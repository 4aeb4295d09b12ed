import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import { repoRoot } from '@workpoints/temporal';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'docx';
import { Client } from 'pg';

interface ImportView {
  id: string;
  status: string;
  progress: number;
  error: string | null;
  planId: string | null;
  format: string | null;
  warnings?: string[];
  parts?: Record<string, number>;
  untracked?: { part: string; title: string }[];
}
interface DraftPoint {
  id: string;
  number: number;
  label: string | null;
  title: string;
  text: string;
  nodeId: string | null;
  deadline: string | null;
  deadlineText: string | null;
  leadDepartmentId: string | null;
  targets: { text: string; value: number; comparator: string }[];
  subItems: string[];
  suggestions: {
    lead: { departmentName: string; reason: string } | null;
    co: { departmentName: string }[];
  } | null;
}
interface PlanView {
  id: string;
  title: string;
  year: number;
  status: string;
  nodes: { id: string; kind: string; label: string; title: string; children: { id: string }[] }[];
  points: DraftPoint[];
}

const CORPUS = join(repoRoot(), '..', 'shared', 'corpus');

/**
 * The coordinator's import: a document goes up through the API, the jobs app parses it in the
 * background, and a draft plan comes back to review, fix and publish.
 */
describe('plan import through the API', () => {
  let stack: E2eStack;
  let pg: Client;
  let token: string;

  const call = <T = unknown>(method: string, path: string, body?: unknown) =>
    stack.api.request<T>(method, path, token, body);

  async function upload(bytes: Buffer, filename: string, year?: number): Promise<ImportView> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    if (year) form.append('year', String(year));
    const res = await fetch(`${stack.api.baseUrl}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(202);
    return (await res.json()) as ImportView;
  }

  async function finished(id: string, timeoutMs = 60_000): Promise<ImportView> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const res = await call<ImportView>('GET', `/imports/${id}`);
      if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
      if (Date.now() > end)
        throw new Error(`import ${id} still ${res.body.status} (${res.body.progress}%)`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function plan(id: string): Promise<PlanView> {
    return (await call<PlanView>('GET', `/plans/${id}`)).body;
  }

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api', 'jobs'] });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    token = await stack.api.login('coordinator', stack.password);
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('imports a Word file with automatic numbering and a responsibility table', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'n',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
              },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('2026年知识产权工作要点'),
            new Paragraph('一、强化知识产权保护'),
            new Paragraph({
              text: '完善专利侵权纠纷行政裁决机制，全年办结案件增长20%以上。',
              numbering: { reference: 'n', level: 0 },
            }),
            new Paragraph({
              text: '开展商标专用权保护专项行动，6月底前完成集中整治。',
              numbering: { reference: 'n', level: 0 },
            }),
            new Paragraph('二、重点任务分工'),
            new Table({
              rows: [
                row('序号', '工作任务', '牵头单位', '配合单位', '完成时限'),
                row('3', '建设知识产权公共服务网点', '公共服务处', '保护处', '年底前'),
              ],
            }),
          ],
        },
      ],
    });
    const started = await upload(await Packer.toBuffer(doc), '2026年工作要点.docx');
    expect(started.status).toBe('queued');
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'succeeded', format: 'docx', progress: 100 });

    const draft = await plan(done.planId as string);
    expect(draft).toMatchObject({ title: '2026年知识产权工作要点', year: 2026, status: 'draft' });
    expect(draft.points.map((p) => p.number)).toEqual([1, 2, 3]);
    const [p1, p2, p3] = draft.points;
    expect(p1?.targets).toEqual([expect.objectContaining({ value: 20, comparator: '>=' })]);
    expect(p2).toMatchObject({
      deadlineText: expect.stringContaining('6月底前'),
      deadline: '2026-06-30',
    });
    expect(p2?.suggestions?.lead).toMatchObject({
      departmentName: '商标品牌处',
      reason: '关键词“商标”',
    });
    expect(p3?.suggestions?.lead).toMatchObject({
      departmentName: '公共服务处',
      reason: expect.stringContaining('牵头单位'),
    });
    expect(p3?.suggestions?.co.map((c) => c.departmentName)).toContain('保护处');
    expect(p3).toMatchObject({ deadline: '2026-12-31' });

    const file = await fetch(`${stack.api.baseUrl}/imports/${done.id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('imports pasted text and lets the coordinator fix, assign and publish the draft', async () => {
    const text = [
      '2026年工作要点',
      '一、强化保护',
      '1. 开展专利执法专项行动。年底前办结案件超过200件。',
      '2. 推进商标品牌建设。',
      '3. 加强知识产权宣传。',
    ].join('\n');
    const started = await call<ImportView>('POST', '/imports/text', { text, name: '粘贴' });
    expect(started.status).toBe(202);
    const done = await finished(started.body.id);
    expect(done.status).toBe('succeeded');
    const planId = done.planId as string;
    let draft = await plan(planId);
    const id = (n: number) => draft.points.find((p) => p.number === n)?.id as string;

    // split point 1 after its first sentence, merge point 4 (the former 3) into 2, rename, move, add, delete
    const split = await call<DraftPoint[]>('POST', `/plans/${planId}/points/${id(1)}/split`, {
      atSentence: 2,
    });
    expect(split.status).toBe(200);
    expect(split.body.map((p) => [p.number, p.text])).toEqual([
      [1, '开展专利执法专项行动。'],
      [2, '年底前办结案件超过200件。'],
    ]);
    draft = await plan(planId);
    expect(draft.points.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    const merged = await call<DraftPoint>('POST', `/plans/${planId}/points/${id(3)}/merge`, {
      pointId: id(4),
    });
    expect(merged.body.text).toBe('推进商标品牌建设。\n加强知识产权宣传。');
    draft = await plan(planId);
    expect(draft.points).toHaveLength(3);

    const renamed = await call<DraftPoint>('PATCH', `/plans/${planId}/points/${id(3)}`, {
      title: '推进商标品牌建设和宣传',
      number: 1,
    });
    expect(renamed.body).toMatchObject({ number: 1, title: '推进商标品牌建设和宣传' });
    const added = await call<DraftPoint>('POST', `/plans/${planId}/points`, {
      title: '编制年度工作总结',
      number: 2,
    });
    expect(added.body.number).toBe(2);
    draft = await plan(planId);
    expect(draft.points.map((p) => p.title)).toEqual([
      '推进商标品牌建设和宣传',
      '编制年度工作总结',
      '开展专利执法专项行动',
      '年底前办结案件超过200件',
    ]);
    expect((await call('DELETE', `/plans/${planId}/points/${id(4)}`)).status).toBe(204);
    draft = await plan(planId);
    expect(draft.points.map((p) => p.number)).toEqual([1, 2, 3]);

    const bad = await call<{ message: string }>('PATCH', `/plans/${planId}/points/${id(1)}`, {
      deadline: '2026-02-30',
      targets: [{ text: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('deadline');
    expect(bad.body.message).toContain('targets.0.value');

    const chapter = draft.nodes[0];
    expect(chapter).toMatchObject({ kind: 'chapter', label: '一', title: '强化保护' });
    const renamedNode = await call<{ title: string }>(
      'PATCH',
      `/plans/${planId}/nodes/${chapter?.id}`,
      { title: '强化知识产权保护' },
    );
    expect(renamedNode.body.title).toBe('强化知识产权保护');

    const applied = await call<{ applied: number }>('POST', `/plans/${planId}/apply-suggestions`);
    expect(applied.body.applied).toBeGreaterThanOrEqual(2);
    draft = await plan(planId);
    const supervisors = await call<{ id: string }[]>('GET', '/users?role=supervisor');
    const departments = await call<{ id: string; code: string }[]>('GET', '/departments');
    for (const p of draft.points) {
      const res = await call('PATCH', `/plans/${planId}/points/${p.id}`, {
        ...(p.leadDepartmentId
          ? {}
          : { leadDepartmentId: departments.body.find((d) => d.code === 'bgs')?.id }),
        deadline: '2026-12-31',
        supervisorId: supervisors.body[0]?.id,
      });
      expect(res.status).toBe(200);
    }
    const audit = await pg.query(
      "SELECT after->>'op' AS op FROM audit_events WHERE plan_id = $1 AND event IN ('plan_edited', 'suggestions_applied') ORDER BY id",
      [planId],
    );
    expect(audit.rows.map((r: { op: string }) => r.op).slice(0, 7)).toEqual([
      'split',
      'merge',
      'edit',
      'add',
      'delete',
      'rename_node',
      'apply_suggestions',
    ]);

    const published = await call<{ started: number }>('POST', `/plans/${planId}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body.started).toBe(3);
    const late = await call<{ code: string }>('PATCH', `/plans/${planId}/points/${id(1)}`, {
      title: '发布后再改',
    });
    expect(late.status).toBe(409);
  });

  it('says clearly when a file is not a plan', async () => {
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 91) % 256));
    const done = await finished((await upload(binary, 'photo.jpg')).id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('不是可读的文本');

    const prose = await finished(
      (await upload(Buffer.from('今天天气很好，我们去公园散步。'), 'note.txt')).id,
    );
    expect(prose.status).toBe('failed');
    expect(prose.error).toContain('没有找到要跟踪的工作要点');
  });

  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')) : [];
  const expected: Record<string, { plan: number; review: number; problems: number }> = {
    'hubei-ip-2023-work-points.txt': { plan: 32, review: 0, problems: 0 },
    'changsha-ip-2018-work-points.txt': { plan: 16, review: 0, problems: 0 },
    'city-ip-2019-half-year-summary-and-plan.txt': { plan: 8, review: 25, problems: 3 },
  };

  it('finds the real corpus documents beside the project (../shared/corpus)', () => {
    if (corpus.length === 0)
      console.warn(`corpus not found at ${CORPUS}: the corpus imports below are not run`);
    expect(corpus.every((f) => f in expected)).toBe(true);
  });

  for (const name of corpus)
    it(`imports ${name} with exactly the points a careful reader finds`, async () => {
      const done = await finished((await upload(readFileSync(join(CORPUS, name)), name)).id);
      expect(done.status).toBe('succeeded');
      expect(done.parts).toEqual(expected[name]);
      const draft = await plan(done.planId as string);
      expect(draft.points).toHaveLength(expected[name]?.plan ?? -1);
    });
});
