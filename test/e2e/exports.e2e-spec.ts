import { QueueName, REPORT_EXPORT_STAGES, reportExportJobId } from '@workpoints/contracts';
import { shanghaiDate } from '@workpoints/domain';
import {
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  ProgressReportEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
} from '@workpoints/persistence';
import { type E2eStack, readDocx, startE2eStack } from '@workpoints/testing';
import { QueueEvents } from 'bullmq';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';

interface ExportAccepted {
  id: string;
  kind: string;
  state: string;
  statusUrl: string;
  message: string;
}

interface ExportView {
  id: string;
  kind: string;
  planId: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: number;
  stage: string;
  filename?: string;
  bytes?: number;
  downloadUrl?: string;
  error?: string;
}

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

/** A response body as ExcelJS's loader takes it (its typings predate Node's generic Buffer). */
const xlsxBytes = async (res: Response) =>
  Buffer.from(await res.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0];

/** The point numbers of a downloaded ledger (heading rows have text in the first cell). */
async function ledgerNumbers(res: Response): Promise<{ numbers: number[]; footer: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await xlsxBytes(res));
  const sheet = book.getWorksheet('督办台账');
  if (!sheet) throw new Error('no 督办台账 sheet');
  const numbers: number[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const v = sheet.getRow(r).getCell(1).value;
    if (typeof v === 'number') numbers.push(v);
  }
  return { numbers, footer: sheet.headerFooter.oddFooter ?? '' };
}

/**
 * Background exports through the api and jobs processes, with EXPORT_INLINE_LIMIT at 2 so a
 * small plan laid out by hand is already "large": an export is queued, reports its stages,
 * completes and hands its file to its requester only; the direct downloads turn into exports
 * past the limit; a file not ready, or an export that failed, is refused in words.
 */
describe('report exports (后台导出)', () => {
  let stack: E2eStack;
  let ds: DataSource;
  let events: QueueEvents;
  const tokens: Record<string, string> = {};
  let planId: string;
  let zlglc: string;
  let bhc: string;
  const year = Number(shanghaiDate(new Date()).slice(0, 4));
  const planTitle = `${year}年导出测试工作要点`;
  /** Progress events of each job as BullMQ published them, and the jobs seen to finish. */
  const progress = new Map<string, { percent: number; stage: string }[]>();
  const finished = new Set<string>();

  const origin = () => stack.api.baseUrl.replace(/\/api$/, '');
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const get = (who: string, url: string) => fetch(`${origin()}${url}`, { headers: as(who) });
  const post = (who: string, body: unknown, plan = planId) =>
    fetch(`${stack.api.baseUrl}/plans/${plan}/exports`, {
      method: 'POST',
      headers: { ...as(who), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function accepted(res: Response): Promise<ExportAccepted> {
    const body = (await res.json()) as ExportAccepted;
    expect({ status: res.status, body }).toMatchObject({ status: 202, body: { state: 'waiting' } });
    expect(body.statusUrl).toBe(`/api/exports/${body.id}`);
    expect(res.headers.get('location')).toBe(body.statusUrl);
    return body;
  }

  /** Polls the export's status until it has finished (a bounded wait). */
  async function settled(who: string, statusUrl: string, timeoutMs = 60_000): Promise<ExportView> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const res = await get(who, statusUrl);
      expect(res.status).toBe(200);
      const view = (await res.json()) as ExportView;
      if (view.state === 'completed' || view.state === 'failed') return view;
      if (Date.now() > end)
        throw new Error(`${statusUrl} still ${view.state} (${view.stage} ${view.progress}%)`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The stages a job reported, once BullMQ has published its end (a bounded wait). */
  async function reported(exportId: string): Promise<{ percent: number; stage: string }[]> {
    const jobId = reportExportJobId(exportId);
    const end = Date.now() + 10_000;
    while (!finished.has(jobId)) {
      if (Date.now() > end) throw new Error(`no completed event for ${jobId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return progress.get(jobId) ?? [];
  }

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api', 'jobs'], env: { EXPORT_INLINE_LIMIT: '2' } });
    for (const u of ['coordinator', 'supervisor.li', 'admin', 'zlglc.head', 'zlglc.staff'])
      tokens[u] = await stack.api.login(u, stack.password);

    const { hostname, port } = new URL(stack.redisUrl);
    events = new QueueEvents(QueueName.Reports, {
      connection: { host: hostname, port: Number(port || 6379) },
      prefix: stack.queuePrefix,
    });
    events.on('progress', ({ jobId, data }) => {
      const list = progress.get(jobId) ?? [];
      list.push(data as { percent: number; stage: string });
      progress.set(jobId, list);
    });
    events.on('completed', ({ jobId }) => finished.add(jobId));
    await events.waitUntilReady();

    ds = await createDataSource(stack.db.url).initialize();
    const dept = async (code: string) =>
      (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code })).id;
    [zlglc, bhc] = [await dept('zlglc'), await dept('bhc')];
    const users = ds.getRepository(UserEntity);
    const coordinator = await users.findOneByOrFail({ username: 'coordinator' });
    const li = await users.findOneByOrFail({ username: 'supervisor.li' });
    planId = (
      await ds.getRepository(PlanEntity).save({
        title: planTitle,
        year,
        status: 'published',
        createdById: coordinator.id,
      })
    ).id;
    const nodes = ds.getRepository(PlanNodeEntity);
    const node = (label: string, title: string, position: number, parentId: string | null) =>
      nodes.save({
        planId,
        parentId,
        kind: parentId ? 'section' : 'chapter',
        label,
        title,
        position,
      });
    const c1 = (await node('一', '强化保护', 0, null)).id;
    const s11 = (await node('（一）', '行政裁决', 0, c1)).id;
    const c2 = (await node('二', '促进运用', 1, null)).id;
    const points: Partial<WorkPointEntity>[] = [
      { nodeId: s11, leadDepartmentId: zlglc, status: 'in_progress', risk: 'red', overdue: true },
      { nodeId: c1, leadDepartmentId: zlglc, status: 'completed' },
      { nodeId: c2, leadDepartmentId: bhc, status: 'acknowledged', risk: 'yellow' },
      { nodeId: c2, leadDepartmentId: bhc, status: 'assigned' },
      { nodeId: null, leadDepartmentId: zlglc, status: 'submitted' },
      // a draft is in no report
      { nodeId: c2, leadDepartmentId: bhc, status: 'draft' },
    ];
    const saved = await ds.getRepository(WorkPointEntity).save(
      points.map((p, i) => ({
        ...p,
        planId,
        number: i + 1,
        title: `导出要点${i + 1}`,
        text: '',
        position: i,
        supervisorId: li.id,
        deadline: `${year}-06-30`,
        workflowId: `exports-${planId}-${i + 1}`,
      })),
    );
    await ds.getRepository(ProgressReportEntity).save({
      pointId: saved[0]?.id,
      departmentId: zlglc,
      authorId: coordinator.id,
      kind: 'progress',
      text: '已受理案件8件',
      requestId: `exports-report-1`,
      createdAt: new Date(`${year}-03-10T02:00:00Z`),
    });
  });

  afterAll(async () => {
    await events?.close();
    await ds?.destroy();
    await stack?.stop();
  });

  it('exports the ledger in the background, with its stages, and gives the file back', async () => {
    const started = await accepted(await post('coordinator', { kind: 'ledger' }));
    expect(started).toMatchObject({ kind: 'ledger', message: expect.stringContaining('后台导出') });

    const done = await settled('coordinator', started.statusUrl);
    expect(done).toMatchObject({
      id: started.id,
      kind: 'ledger',
      planId,
      state: 'completed',
      progress: 100,
      stage: REPORT_EXPORT_STAGES.done,
      filename: `${planTitle}-督办台账.xlsx`,
      downloadUrl: `/api/exports/${started.id}/file`,
    });
    expect(done.bytes).toBeGreaterThan(0);

    const steps = await reported(started.id);
    const stages = steps.map((s) => s.stage).filter((s, i, all) => s !== all[i - 1]);
    expect(stages).toEqual(['读取要点', '生成表格', '写入文件', '已完成']);
    const percents = steps.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[percents.length - 1]).toBe(100);

    const file = await get('coordinator', done.downloadUrl as string);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`${planTitle}-督办台账.xlsx`)}`,
    );
    const { numbers, footer } = await ledgerNumbers(file);
    const [readModel] = await ds.query<{ numbers: number[] }[]>(
      `SELECT array_agg(number ORDER BY number) AS numbers FROM work_points
        WHERE plan_id = $1 AND status <> 'draft'`,
      [planId],
    );
    // every published point once, under its chapter and section, the rest last
    expect([...numbers].sort((a, b) => a - b)).toEqual(readModel?.numbers);
    expect(numbers).toEqual([2, 1, 3, 4, 5]);
    expect(footer).toContain(`${planTitle} 督办台账`);
  });

  it('turns a direct download past EXPORT_INLINE_LIMIT into an export, and streams a small one', async () => {
    const res = await get('coordinator', `/api/plans/${planId}/ledger.xlsx`);
    const queued = await accepted(res);
    expect(queued.message).toContain('所选要点共5项，超过直接下载上限2项，已转为后台导出');
    const done = await settled('coordinator', queued.statusUrl);
    expect(done.state).toBe('completed');
    const { numbers } = await ledgerNumbers(await get('coordinator', done.downloadUrl as string));
    expect(numbers).toEqual([2, 1, 3, 4, 5]);

    // the export keeps the download's filters
    const zl = await accepted(
      await get('coordinator', `/api/plans/${planId}/ledger.xlsx?departmentId=${zlglc}`),
    );
    expect(zl.message).toContain('所选要点共3项');
    const zlDone = await settled('coordinator', zl.statusUrl);
    expect(
      (await ledgerNumbers(await get('coordinator', zlDone.downloadUrl as string))).numbers,
    ).toEqual([2, 1, 5]);

    // two points (the draft does not count) are within the limit: the file comes at once
    const small = await get('coordinator', `/api/plans/${planId}/ledger.xlsx?departmentId=${bhc}`);
    expect(small.status).toBe(200);
    expect(small.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${planTitle}-督办台账.xlsx`),
    );
    expect((await ledgerNumbers(small)).numbers).toEqual([3, 4]);
  });

  it('keeps an export to whoever asked for it (and admins)', async () => {
    const mine = await accepted(await post('coordinator', { kind: 'ledger', risk: 'red' }));
    const done = await settled('coordinator', mine.statusUrl);
    for (const url of [mine.statusUrl, done.downloadUrl as string]) {
      const other = await get('supervisor.li', url);
      expect(other.status).toBe(404);
      expect(((await other.json()) as ErrorBody).message).toContain('导出不存在');
      expect((await get('admin', url)).status).toBe(200);
      expect((await get('zlglc.staff', url)).status).toBe(403);
    }
    const unknown = await get('coordinator', '/api/exports/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).message).toContain('导出不存在或已过期');
    expect((await get('coordinator', '/api/exports/not-an-id')).status).toBe(400);
  });

  it('exports a department head’s remit only, whatever the filters', async () => {
    const started = await accepted(await post('zlglc.head', { kind: 'ledger' }));
    const done = await settled('zlglc.head', started.statusUrl);
    const { numbers } = await ledgerNumbers(await get('zlglc.head', done.downloadUrl as string));
    expect(numbers).toEqual([2, 1, 5]);
    // Another department's filter narrows within the remit (kept in the job): nothing of bhc's.
    const other = await accepted(await post('zlglc.head', { kind: 'ledger', departmentId: bhc }));
    const empty = await settled('zlglc.head', other.statusUrl);
    expect(
      (await ledgerNumbers(await get('zlglc.head', empty.downloadUrl as string))).numbers,
    ).toEqual([]);
    expect((await post('zlglc.staff', { kind: 'ledger' })).status).toBe(403);
  });

  it('exports the half-year summary as a Word file, directly asked or past the limit', async () => {
    const started = await accepted(
      await post('supervisor.li', { kind: 'summary', period: 'half-year', departmentId: zlglc }),
    );
    const done = await settled('supervisor.li', started.statusUrl);
    const title = `${year}年上半年导出测试工作总结`;
    expect(done).toMatchObject({ state: 'completed', progress: 100, filename: `${title}.docx` });
    const stages = (await reported(started.id))
      .map((s) => s.stage)
      .filter((s, i, all) => s !== all[i - 1]);
    expect(stages).toEqual(['读取要点', '生成文档', '已完成']);
    const file = await get('supervisor.li', done.downloadUrl as string);
    expect(file.headers.get('content-type')).toContain('wordprocessingml.document');
    const { paragraphs } = await readDocx(Buffer.from(await file.arrayBuffer()));
    // A supervisor's summary says whose points it holds: the remit kept in the export's job.
    expect(paragraphs.slice(0, 2)).toEqual([title, '（专利管理处牵头；李副局长分管）']);
    expect(paragraphs.join('\n')).toContain('全年共部署工作要点3项');

    const direct = await accepted(
      await get('coordinator', `/api/plans/${planId}/summary.docx?period=annual`),
    );
    const annual = await settled('coordinator', direct.statusUrl);
    expect(annual).toMatchObject({
      state: 'completed',
      filename: `${year}年导出测试工作总结.docx`,
    });
  });

  it('refuses a summary without its period, or narrowed by status or colour', async () => {
    for (const [body, message] of [
      [{ kind: 'summary' }, 'period 应为 half-year（上半年）或 annual（全年）'],
      [{ kind: 'summary', period: 'annual', risk: 'red' }, '工作总结不按完成情况'],
      [{ kind: 'report' }, 'kind 应为 ledger（督办台账）或 summary（工作总结）'],
    ] as const) {
      const res = await post('coordinator', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).message).toContain(message);
    }
    const missing = await post(
      'coordinator',
      { kind: 'ledger' },
      '00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).message).toContain('计划不存在');
  });

  it('says in Chinese when a file is not ready yet, and why an export failed', async () => {
    // With the jobs app away nothing is built: the exports wait in Redis.
    await stack.apps.jobs.stop();
    const waiting = await accepted(await post('coordinator', { kind: 'ledger' }));
    const status = (await (await get('coordinator', waiting.statusUrl)).json()) as ExportView;
    expect(status).toMatchObject({ state: 'waiting', progress: 0, stage: '排队中' });
    expect(status.downloadUrl).toBeUndefined();
    const early = await get('coordinator', `${waiting.statusUrl}/file`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as ErrorBody).message).toContain(
      `导出尚未完成（排队中，0%），请稍后再下载：${waiting.statusUrl}`,
    );

    // a plan deleted between the request and the build
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    const doomed = await ds.getRepository(PlanEntity).save({
      title: '将被删除的计划',
      year,
      status: 'published',
      createdById: coordinator.id,
    });
    const lost = await accepted(await post('coordinator', { kind: 'ledger' }, doomed.id));
    await ds.getRepository(PlanEntity).delete({ id: doomed.id });

    await stack.apps.jobs.start();
    expect((await settled('coordinator', waiting.statusUrl)).state).toBe('completed');
    const failed = await settled('coordinator', lost.statusUrl);
    expect(failed).toMatchObject({
      state: 'failed',
      error: `计划不存在：${doomed.id}，无法导出`,
    });
    expect(failed.downloadUrl).toBeUndefined();
    const none = await get('coordinator', `${lost.statusUrl}/file`);
    expect(none.status).toBe(409);
    expect(((await none.json()) as ErrorBody).message).toBe(
      `导出失败，没有可下载的文件：计划不存在：${doomed.id}，无法导出。请重新导出`,
    );
  });
});
