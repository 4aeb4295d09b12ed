import { type E2eStack, startE2eStack } from '@workpoints/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';

interface Department {
  id: string;
  code: string;
}
interface User {
  id: string;
  username: string;
  displayName: string;
}
interface PlanView {
  id: string;
  points: { id: string; number: number }[];
}
interface Uploaded {
  id: string;
  filename: string;
  size: number;
  contentType: string;
  createdAt: string;
}
interface AttachmentView extends Uploaded {
  sha256: string;
  requestId: string | null;
  uploadedBy: { id: string; name: string | null };
  departmentId: string | null;
}
interface PointDetail {
  status: string;
  reports: {
    kind: string;
    requestId: string;
    text: string;
    attachments: { id: string; filename: string; size: number; contentType: string }[];
  }[];
  targets: {
    index: number;
    text: string;
    value: number;
    actual: { value: number; recordedAt: string } | null;
  }[];
}
interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

/**
 * Attachments (附件) of progress reports and completions through HTTP, on real PostgreSQL,
 * Redis and a Temporal dev server: uploaded as multipart with Chinese names, sent with a
 * report by id, listed under the report in the point's detail, and downloaded byte for byte by
 * whoever may see the point, while everyone else is told it does not exist.
 */
describe('attachments (附件) of reports and completions', () => {
  let stack: E2eStack;
  let pg: Client;
  const tokens: Record<string, string> = {};
  let dept: Record<string, string>;
  let user: Record<string, User>;
  let pointId: string;
  const deadline = `${new Date().getFullYear() + 1}-06-30`;

  const evidenceName = '专利行政裁决进展佐证（第一季度）.pdf';
  const evidence = Buffer.concat([
    Buffer.from('%PDF-1.7\n% 行政裁决结案统计\n', 'utf8'),
    randomBytes(64 * 1024),
  ]);
  /** The first upload, sent with the first report. */
  let sent: Uploaded;

  const call = <T = unknown>(method: string, path: string, who: string, body?: unknown) =>
    stack.api.request<T>(method, path, tokens[who], body);
  const detail = async (who = 'coordinator') => {
    const res = await call<PointDetail>('GET', `/points/${pointId}`, who);
    expect(res.status).toBe(200);
    return res.body;
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await pg.query<{ n: string }>(sql, params)).rows[0]?.n);

  /** A multipart upload as a browser makes it: the name goes as raw UTF-8 bytes. */
  async function upload<T = Uploaded>(
    who: string,
    content: Buffer | null,
    filename = evidenceName,
    type = 'application/pdf',
    field = 'file',
  ): Promise<{ status: number; body: T }> {
    const form = new FormData();
    if (content) form.append(field, new Blob([new Uint8Array(content)], { type }), filename);
    else form.append('note', '没有文件');
    const res = await fetch(`${stack.api.baseUrl}/points/${pointId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function download(who: string, id: string) {
    const res = await fetch(`${stack.api.baseUrl}/attachments/${id}/file`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const disposition = res.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return {
      status: res.status,
      bytes,
      contentType: res.headers.get('content-type'),
      nosniff: res.headers.get('x-content-type-options'),
      disposition,
      filename: encoded === undefined ? null : decodeURIComponent(encoded),
      json: () => JSON.parse(bytes.toString('utf8')) as ErrorBody,
    };
  }

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api', 'worker'] });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    for (const u of [
      'coordinator',
      'zlglc.staff',
      'zlglc.head',
      'bhc.staff',
      'sbppc.staff',
      'supervisor.li',
    ])
      tokens[u] = await stack.api.login(u, stack.password);
    const departments = await call<Department[]>('GET', '/departments', 'coordinator');
    dept = Object.fromEntries(departments.body.map((d) => [d.code, d.id]));
    const users = await call<User[]>('GET', '/users', 'coordinator');
    user = Object.fromEntries(users.body.map((u) => [u.username, u]));
    // The deadline is next year; until the holiday package knows it, confirm it as weekends-only.
    const year = Number(deadline.slice(0, 4));
    if (!(await call<{ known: boolean }>('GET', `/calendar/${year}`, 'coordinator')).body.known)
      await call('POST', '/calendar/overrides', 'coordinator', { kind: 'weekends-only', year });

    const created = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '附件测试计划',
      year,
      points: [
        {
          title: '完善专利侵权纠纷行政裁决机制',
          leadDepartmentId: dept['zlglc'],
          coDepartmentIds: [dept['bhc']],
          deadline,
          supervisorId: user['supervisor.li']?.id,
        },
      ],
    });
    expect(created.status).toBe(201);
    const planId = created.body.id;
    pointId = created.body.points[0]?.id as string;
    const edited = await call('PATCH', `/plans/${planId}/points/${pointId}`, 'coordinator', {
      targets: [{ text: '行政裁决结案不少于30件', value: 30, unit: '件', comparator: '>=' }],
    });
    expect(edited.status).toBe(200);
    const published = await call<{ started: number }>(
      'POST',
      `/plans/${planId}/publish`,
      'coordinator',
      {},
    );
    expect(published.body.started).toBe(1);
    const end = Date.now() + 30_000;
    while ((await detail()).status !== 'assigned') {
      if (Date.now() > end) throw new Error('the point was not published');
      await new Promise((r) => setTimeout(r, 100));
    }
    const ack = await call('POST', `/points/${pointId}/acknowledge`, 'zlglc.staff', {
      requestId: 'att-ack',
    });
    expect(ack.status).toBe(200);
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('documents the upload as multipart with a binary file in OpenAPI', async () => {
    type Doc = {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const doc = await stack.api.request<Doc>('GET', '/docs-json');
    const post = doc.body.paths['/api/points/{pointId}/attachments']?.['post'];
    expect(post?.requestBody?.content['multipart/form-data']?.schema).toEqual({
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
    expect(doc.body.paths['/api/attachments/{attachmentId}/file']?.['get']).toBeDefined();
  });

  it('takes a file with a Chinese name and lists it without its content', async () => {
    const res = await upload('zlglc.staff', evidence);
    expect(res.status).toBe(201);
    sent = res.body;
    expect(sent).toEqual({
      id: expect.any(String),
      filename: evidenceName,
      size: evidence.length,
      contentType: 'application/pdf',
      createdAt: expect.any(String),
    });

    const row = await pg.query<{ sha256: string; department_id: string; request_id: null }>(
      'SELECT sha256, department_id, request_id FROM attachments WHERE id = $1',
      [sent.id],
    );
    expect(row.rows[0]).toEqual({
      sha256: createHash('sha256').update(evidence).digest('hex'),
      department_id: dept['zlglc'],
      request_id: null,
    });

    // the co-department sees the list too; nothing in it carries the file
    const list = await call<AttachmentView[]>('GET', `/points/${pointId}/attachments`, 'bhc.staff');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        ...sent,
        sha256: row.rows[0]?.sha256,
        requestId: null,
        uploadedBy: { id: user['zlglc.staff']?.id, name: user['zlglc.staff']?.displayName },
        departmentId: dept['zlglc'],
      },
    ]);
  });

  it('refuses an empty file, no file, a wrong field, too large a file, and people outside the point', async () => {
    const before = await count('SELECT count(*) AS n FROM attachments');

    const empty = await upload<ErrorBody>('zlglc.staff', Buffer.alloc(0), '空白.txt', 'text/plain');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('INVALID_INPUT');
    expect(empty.body.message).toContain('“空白.txt”是空文件');

    const none = await upload<ErrorBody>('zlglc.staff', null);
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('file 字段');

    const wrongField = await upload<ErrorBody>(
      'zlglc.staff',
      evidence,
      evidenceName,
      'application/pdf',
      'upload',
    );
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.message).toContain('请以 multipart/form-data 的 file 字段上传一个文件');

    const huge = await upload<ErrorBody>('zlglc.staff', Buffer.alloc(20 * 1024 * 1024 + 1, 1));
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe('附件不能超过 20 MB');

    // another department's staff: refused as the point itself is; its supervisor may look, not
    // upload (supervisors are not among the roles the access policy lets upload)
    const stranger = await upload<ErrorBody>('sbppc.staff', evidence);
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('NOT_IN_REMIT');
    const supervisor = await upload<ErrorBody>('supervisor.li', evidence);
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.message).toContain('（访问规则：角色）');

    expect(await count('SELECT count(*) AS n FROM attachments')).toBe(before);
  });

  it('refuses a report with someone else’s or an unknown attachment, and changes nothing', async () => {
    const theirs = await upload(
      'bhc.staff',
      Buffer.from('配合材料'),
      '保护处配合材料.txt',
      'text/plain',
    );
    expect(theirs.status).toBe(201);

    const foreign = await call<ErrorBody>('POST', `/points/${pointId}/reports`, 'zlglc.staff', {
      requestId: 'att-bad-1',
      text: '附带他人附件',
      attachmentIds: [sent.id, theirs.body.id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('INVALID_INPUT');
    expect(foreign.body.message).toContain('附件“保护处配合材料.txt”不是您上传的');

    const unknown = randomUUID();
    const missing = await call<ErrorBody>('POST', `/points/${pointId}/reports`, 'zlglc.staff', {
      requestId: 'att-bad-2',
      text: '附带不存在的附件',
      attachmentIds: [sent.id, unknown],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain(`附件 ${unknown} 不存在`);

    const malformed = await call<ErrorBody>('POST', `/points/${pointId}/reports`, 'zlglc.staff', {
      requestId: 'att-bad-3',
      text: '附件编号不对',
      attachmentIds: ['not-a-uuid'],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('附件编号应为 UUID');

    expect(await count('SELECT count(*) AS n FROM attachments WHERE request_id IS NOT NULL')).toBe(
      0,
    );
    expect(
      await count(`SELECT count(*) AS n FROM progress_reports WHERE request_id LIKE 'att-bad-%'`),
    ).toBe(0);
  });

  it('sends an attachment with a report and shows it under that report, with the latest actual', async () => {
    const report = await call('POST', `/points/${pointId}/reports`, 'zlglc.staff', {
      requestId: 'att-rep-1',
      text: '已结案12件，佐证材料见附件',
      actuals: [{ target: 0, value: 12 }],
      attachmentIds: [sent.id],
    });
    expect(report.status).toBe(200);

    const body = await detail('bhc.staff');
    const reported = body.reports.find((r) => r.requestId === 'att-rep-1');
    expect(reported).toMatchObject({ kind: 'progress', text: '已结案12件，佐证材料见附件' });
    expect(reported?.attachments).toEqual([
      {
        id: sent.id,
        filename: evidenceName,
        size: evidence.length,
        contentType: 'application/pdf',
      },
    ]);
    expect(body.targets).toEqual([
      expect.objectContaining({
        index: 0,
        text: '行政裁决结案不少于30件',
        value: 30,
        actual: { value: 12, recordedAt: expect.any(String) },
      }),
    ]);

    const list = await call<AttachmentView[]>(
      'GET',
      `/points/${pointId}/attachments`,
      'zlglc.staff',
    );
    expect(list.body.find((a) => a.id === sent.id)?.requestId).toBe('att-rep-1');

    // once its report is recorded, an attachment cannot go with another
    const again = await call<ErrorBody>('POST', `/points/${pointId}/reports`, 'zlglc.staff', {
      requestId: 'att-rep-2',
      text: '重复使用附件',
      attachmentIds: [sent.id],
    });
    expect(again.status).toBe(400);
    expect(again.body.message).toContain(`附件“${evidenceName}”已随另一次报送提交`);
  });

  it('downloads the same bytes under the Chinese name for whoever may see the point, and 404 for others', async () => {
    for (const who of ['zlglc.staff', 'bhc.staff', 'supervisor.li', 'coordinator']) {
      const file = await download(who, sent.id);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(evidence)).toBe(true);
      expect(file.contentType).toBe('application/pdf');
      expect(file.nosniff).toBe('nosniff');
      expect(file.disposition.startsWith("attachment; filename*=UTF-8''")).toBe(true);
      expect(file.filename).toBe(evidenceName);
    }

    // another department's staff is told the attachment does not exist, as for an unknown id
    const stranger = await download('sbppc.staff', sent.id);
    expect(stranger.status).toBe(404);
    expect(stranger.json()).toMatchObject({ code: 'NOT_FOUND', message: `附件不存在：${sent.id}` });
    expect(stranger.bytes.includes(evidence.subarray(0, 16))).toBe(false);
    const unknownId = randomUUID();
    const unknown = await download('coordinator', unknownId);
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: `附件不存在：${unknownId}`,
    });
    // the point and its list are refused to them as they always were
    expect((await call('GET', `/points/${pointId}`, 'sbppc.staff')).status).toBe(403);
    expect((await call('GET', `/points/${pointId}/attachments`, 'sbppc.staff')).status).toBe(403);
  });

  it('sends completion evidence (办结佐证) with the submission', async () => {
    const name = '办结佐证材料(终稿).docx';
    const bytes = randomBytes(4096);
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const proof = await upload('zlglc.head', bytes, name, type);
    expect(proof.status).toBe(201);
    expect(proof.body.filename).toBe(name);

    const submitted = await call('POST', `/points/${pointId}/submit`, 'zlglc.head', {
      requestId: 'att-sub-1',
      text: '已完成全部任务，办结材料见附件',
      actuals: [{ target: 0, value: 31 }],
      attachmentIds: [proof.body.id],
    });
    expect(submitted.status).toBe(200);

    const body = await detail();
    expect(body.status).toBe('submitted');
    expect(body.reports.map((r) => [r.kind, r.attachments.map((a) => a.filename)])).toEqual([
      ['progress', [evidenceName]],
      ['completion', [name]],
    ]);
    expect(body.targets[0]?.actual?.value).toBe(31);

    const file = await download('supervisor.li', proof.body.id);
    expect(file.bytes.equals(bytes)).toBe(true);
    expect(file.contentType).toBe(type);
    expect(file.filename).toBe(name);
  });
});
