import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type Actor, type PointStatus, type RiskColour } from '@workpoints/contracts';
import { STATUS_LABELS } from '@workpoints/domain';
import { PlanEntity } from '@workpoints/persistence';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import type { DashboardQuery } from './dashboard.dto';
import { pointFilter, scopedFilters } from './dashboard.service';

interface LedgerPoint {
  number: number;
  title: string;
  lead: string | null;
  co: string | null;
  deadline: string | null;
  deadlineText: string | null;
  status: PointStatus;
  risk: RiskColour;
  supervisor: string | null;
  report: string | null;
  reportedOn: string | null;
  chapterId: string | null;
  sectionId: string | null;
}

/** Column headers and widths (characters) of the ledger, as offices print it. */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '工作要点', width: 46 },
  { header: '牵头单位', width: 14 },
  { header: '配合单位', width: 18 },
  { header: '完成时限', width: 13 },
  { header: '最新进展', width: 46 },
  { header: '完成情况', width: 14 },
  { header: '红黄绿', width: 8 },
  { header: '分管领导', width: 10 },
] as const;

/** Cell fills of the traffic lights (ARGB). */
export const RISK_FILLS: Record<RiskColour, { argb: string; text: string }> = {
  green: { argb: 'FF00B050', text: '绿' },
  yellow: { argb: 'FFFFC000', text: '黄' },
  red: { argb: 'FFFF0000', text: '红' },
};

/**
 * The supervision ledger (督办台账) as an Excel workbook: one row per point under its chapter and
 * section rows, with the latest progress (dated), the status and the traffic light as the
 * cell's colour; frozen header, widths, A4 landscape with the header repeated on every page.
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async workbook(
    planId: string,
    actor: Actor,
    query: DashboardQuery,
  ): Promise<{ filename: string; content: Buffer }> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ id: planId });
    if (!plan) throw new DomainException(ErrorCode.NotFound, `计划不存在：${planId}`);
    const { params, joins, where } = pointFilter(planId, scopedFilters(actor, query));
    const [points, nodes] = await Promise.all([
      this.dataSource.query<LedgerPoint[]>(
        `SELECT p.number, p.title, d.name AS lead,
                (SELECT string_agg(cd.name, '、' ORDER BY cd.name) FROM work_point_co_departments c
                   JOIN departments cd ON cd.id = c.department_id WHERE c.point_id = p.id) AS co,
                to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.deadline_text AS "deadlineText",
                p.status, p.risk, u.display_name AS supervisor,
                r.text AS report, to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "reportedOn",
                CASE WHEN n.kind = 'chapter' THEN n.id ELSE n.parent_id END AS "chapterId",
                CASE WHEN n.kind = 'section' THEN n.id END AS "sectionId"
           ${joins}
           LEFT JOIN users u ON u.id = p.supervisor_id
           LEFT JOIN LATERAL (SELECT text, created_at FROM progress_reports pr
                               WHERE pr.point_id = p.id AND pr.kind IN ('progress', 'completion')
                               ORDER BY pr.created_at DESC LIMIT 1) r ON true
          WHERE ${where.join(' AND ')}
          ORDER BY p.number`,
        params,
      ),
      this.dataSource.query<
        { id: string; parentId: string | null; label: string; title: string }[]
      >(
        `SELECT id, parent_id AS "parentId", label, title FROM plan_nodes WHERE plan_id = $1 ORDER BY position`,
        [planId],
      ),
    ]);

    const book = new ExcelJS.Workbook();
    book.creator = 'workpoints';
    const sheet = book.addWorksheet('督办台账', {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `${plan.title} 督办台账 第 &P 页，共 &N 页` },
    });
    sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.height = 22;
    const border = { style: 'thin' as const };
    const boxed = { top: border, left: border, bottom: border, right: border };
    header.eachCell((cell) => {
      cell.border = boxed;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });

    const groupRow = (text: string, level: 1 | 2) => {
      const row = sheet.addRow([text]);
      sheet.mergeCells(row.number, 1, row.number, LEDGER_COLUMNS.length);
      row.font = { bold: true, size: level === 1 ? 12 : 11 };
      row.getCell(1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: level === 1 ? 'FFEDEDED' : 'FFF6F6F6' },
      };
      row.getCell(1).border = boxed;
    };
    const pointRow = (p: LedgerPoint) => {
      const progress = p.report ? `${p.report}（${p.reportedOn}）` : '暂无进展报送';
      const row = sheet.addRow([
        p.number,
        p.title,
        p.lead ?? '',
        p.co ?? '',
        p.deadlineText ? `${p.deadlineText}（${p.deadline ?? ''}）` : (p.deadline ?? ''),
        progress,
        STATUS_LABELS[p.status],
        RISK_FILLS[p.risk].text,
        p.supervisor ?? '',
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = boxed));
      const light = row.getCell(8);
      light.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: RISK_FILLS[p.risk].argb },
      };
      light.alignment = { vertical: 'middle', horizontal: 'center' };
      row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    };

    // Chapters in order, each with its own points, then its sections with theirs; then the rest.
    const placed = new Set<number>();
    for (const chapter of nodes.filter((n) => n.parentId === null)) {
      const inChapter = points.filter((p) => p.chapterId === chapter.id);
      if (inChapter.length === 0) continue;
      groupRow(`${chapter.label}、${chapter.title}`.replace(/^、/, ''), 1);
      for (const p of inChapter.filter((q) => q.sectionId === null)) {
        pointRow(p);
        placed.add(p.number);
      }
      for (const section of nodes.filter((n) => n.parentId === chapter.id)) {
        const inSection = inChapter.filter((p) => p.sectionId === section.id);
        if (inSection.length === 0) continue;
        groupRow(`${section.label}${section.title}`, 2);
        for (const p of inSection) {
          pointRow(p);
          placed.add(p.number);
        }
      }
    }
    const rest = points.filter((p) => !placed.has(p.number));
    if (rest.length > 0 && placed.size > 0) groupRow('其他', 1);
    rest.forEach(pointRow);

    const content = Buffer.from(await book.xlsx.writeBuffer());
    return { filename: `${plan.title}-督办台账.xlsx`, content };
  }
}
