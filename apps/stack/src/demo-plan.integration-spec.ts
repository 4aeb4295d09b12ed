import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDate } from '@workpoints/domain';
import { type E2eStack, readDocx, startE2eStack } from '@workpoints/testing';
import ExcelJS from 'exceljs';
import { createDemoPlan } from './demo-plan';

/**
 * What `npm start` publishes on a fresh database, through the whole stack: the demo plan is
 * imported, assigned and published, a little work is done on it, and the coordinator can then
 * download the ledger, this month's bulletin and the summary. The files are also written to
 * dist/demo-documents/ for a look (LibreOffice renders them: see the README).
 */
// The whole stack starts here, as in test/e2e: give it the e2e time on a busy machine.
jest.setTimeout(180_000);

describe('the demo plan of npm start', () => {
  let stack: E2eStack;
  let token: string;
  const today = shanghaiDate(new Date());
  const month = today.slice(0, 7);
  const out = join(__dirname, '../../../dist/demo-documents');

  beforeAll(async () => {
    stack = await startE2eStack();
    token = await stack.api.login('coordinator', stack.password);
    mkdirSync(out, { recursive: true });
  });
  afterAll(() => stack?.stop());

  const download = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${stack.api.baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBeLessThan(300);
    return Buffer.from(await res.arrayBuffer());
  };

  it('is published with work done, and its ledger, bulletin and summary come out', async () => {
    const { planId, points } = await createDemoPlan(stack.api.baseUrl, stack.password, {
      year: Number(today.slice(0, 4)),
      today,
    });
    expect(points).toBe(9);
    // The sign-off is recorded by the workflow's activity: wait for the read model.
    let completed = 0;
    for (let i = 0; i < 60 && completed === 0; i += 1) {
      const list = await stack.api.request<{ items: { number: number; status: string }[] }>(
        'GET',
        `/points?planId=${planId}&status=completed`,
        token,
      );
      completed = list.body.items.length;
      if (completed === 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(completed).toBe(1);

    const ledger = await download(`/plans/${planId}/ledger.xlsx`);
    writeFileSync(join(out, 'ledger.xlsx'), ledger);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const cells = book.worksheets[0].getSheetValues().flat().map(String).join('\n');
    expect(cells).toContain('实施高价值专利培育工程');
    expect(cells).toContain('新增高价值发明专利236件');

    const produced = await stack.api.request<{ completed: { number: number }[] }>(
      'POST',
      `/plans/${planId}/bulletins/${month}`,
      token,
    );
    expect(produced.body.completed.map((p) => p.number)).toEqual([7]);
    const bulletin = await download(`/plans/${planId}/bulletins/${month}/bulletin.docx`);
    writeFileSync(join(out, 'bulletin.docx'), bulletin);
    expect((await readDocx(bulletin)).paragraphs.join('\n')).toContain(
      '编制年度知识产权发展状况报告',
    );

    const summary = await download(`/plans/${planId}/summary.docx?period=annual`);
    writeFileSync(join(out, 'summary.docx'), summary);
    const text = (await readDocx(summary)).paragraphs.join('\n');
    expect(text).toContain('强化知识产权创造');
    expect(text).toContain('已完成第一批培育项目遴选');
  });
});
