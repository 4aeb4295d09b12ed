import { parsePlan } from './plan-parser';
import { findCorpusDir, readCorpus } from './parser-test-support';
import type { ParsedPlan, ParsedPoint } from './plan-parser.types';

/**
 * The real documents of ../shared/corpus (outside the repository; their text is not copied
 * here). Each test checks what the corpus README says a careful reader finds.
 */
const dir = findCorpusDir();
const corpus = readCorpus(dir);

function doc(name: string): ParsedPlan {
  const text = corpus.get(name);
  if (text === undefined) throw new Error(`${name} is missing from ${dir ?? 'the corpus'}`);
  return parsePlan(text);
}

const byNo = (plan: ParsedPlan, no: string): ParsedPoint => {
  const found = plan.points.find((p) => p.no === no);
  if (!found) throw new Error(`no point ${no}`);
  return found;
};
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

if (dir === null) {
  describe('corpus', () => {
    it('is not present: the corpus checks did not run', () => {
      console.warn(
        'corpus not found at ../shared/corpus (beside the repository), corpus checks not run',
      );
      expect(dir).toBeNull();
    });
  });
} else {
  describe('corpus: hubei-ip-2023-work-points.txt (provincial plan, published twice on one page)', () => {
    const plan = doc('hubei-ip-2023-work-points.txt');

    it('reads the title, the year and the preamble targets', () => {
      expect(plan.title).toBe('2023年全省知识产权工作要点');
      expect(plan.year).toBe(2023);
      expect(plan.targets.map((t) => [t.text, t.value, t.unit, t.comparator])).toEqual([
        ['突破22件', 22, '件', '>'],
        ['突破8件', 8, '件', '>'],
        ['突破100万件', 100, '万件', '>'],
        ['超100亿元', 100, '亿元', '>'],
        ['达27000次', 27000, '次', '>='],
        ['超90%', 90, '%', '>'],
      ]);
    });

    it('finds 32 points numbered 1 to 32, once although the page holds the plan twice', () => {
      expect(plan.points.map((p) => p.no)).toEqual(range(1, 32));
      expect(plan.points.map((p) => p.label)).toEqual(range(1, 32).map((n) => `${n}.`));
      expect(plan.points.every((p) => p.part === 'plan')).toBe(true);
      expect(plan.warnings.some((w) => w.includes('出现了2次'))).toBe(true);
    });

    it('puts each point under its chapter and section', () => {
      const where = (no: number): [string, string | null] => {
        if (no <= 3) return ['一', null];
        if (no <= 6) return ['二', '一'];
        if (no <= 8) return ['二', '二'];
        if (no <= 13) return ['二', '三'];
        if (no <= 16) return ['二', '四'];
        if (no <= 19) return ['二', '五'];
        if (no <= 22) return ['三', '一'];
        if (no <= 25) return ['三', '二'];
        if (no <= 27) return ['三', '三'];
        if (no === 28) return ['三', '四'];
        return ['四', null];
      };
      expect(plan.points.map((p) => [p.chapter, p.section])).toEqual(
        range(1, 32).map((n) => where(Number(n))),
      );
      expect(plan.chapters.map((c) => [c.numeral, c.sections.map((s) => s.numeral)])).toEqual([
        ['一', []],
        ['二', ['一', '二', '三', '四', '五']],
        ['三', ['一', '二', '三', '四']],
        ['四', []],
      ]);
      expect(plan.chapters[0]?.title).toBe('坚持和加强党对知识产权工作的全面领导');
      expect(plan.chapters[1]?.sections[4]?.title).toBe('实施地理标志助力乡村振兴行动');
    });

    it('reads titles and whole texts without the page noise', () => {
      expect(byNo(plan, '1').title).toBe('深入学习宣传贯彻党的二十大精神');
      expect(byNo(plan, '32').title).toBe('提高综合保障能力');
      expect(byNo(plan, '32').text.endsWith('支撑各项工作高效运转。')).toBe(true);
      const all = JSON.stringify(plan.points);
      for (const noise of ['相关附件', '二维码', '登录', '发布时间', 'http', '印发给你们']) {
        expect(all).not.toContain(noise);
      }
    });

    it('reads the targets and partner units of points', () => {
      for (const no of ['15', '16']) {
        expect(byNo(plan, no).targets).toEqual([
          { text: '增长20%以上', value: 20, unit: '%', comparator: '>=' },
        ]);
      }
      expect(byNo(plan, '17').targets).toEqual([
        { text: '确定20家', value: 20, unit: '家', comparator: '=' },
      ]);
      expect(byNo(plan, '17').mentionedUnits).toContain('省农业厅');
      expect(byNo(plan, '18').targets).toEqual([
        { text: '超过2000家', value: 2000, unit: '家', comparator: '>' },
      ]);
      expect(byNo(plan, '30').mentionedUnits).toContain('世界知识产权组织(WIPO)');
    });

    it('finds no explicit lead departments or deadlines: those come from the coordinator', () => {
      expect(plan.points.every((p) => p.leadUnits.length === 0 && p.coUnits.length === 0)).toBe(
        true,
      );
      expect(plan.points.every((p) => p.deadline === null)).toBe(true);
    });
  });

  describe('corpus: changsha-ip-2018-work-points.txt (municipal plan without a title line)', () => {
    const plan = doc('changsha-ip-2018-work-points.txt');

    it('has no title, and its year from the preamble', () => {
      expect(plan.title).toBeNull();
      expect(plan.year).toBe(2018);
      expect(plan.warnings).toEqual([]);
    });

    it('finds 16 points numbered 1、 to 16、 under 5 chapters without sections', () => {
      expect(plan.points.map((p) => p.no)).toEqual(range(1, 16));
      expect(plan.points[0]?.label).toBe('1、');
      expect(plan.chapters.map((c) => [c.numeral, c.sections.length])).toEqual([
        ['一', 0],
        ['二', 0],
        ['三', 0],
        ['四', 0],
        ['五', 0],
      ]);
      const chapterOf = (no: number) =>
        no <= 3 ? '一' : no <= 6 ? '二' : no <= 10 ? '三' : no <= 13 ? '四' : '五';
      expect(plan.points.map((p) => [p.chapter, p.section])).toEqual(
        range(1, 16).map((n) => [chapterOf(Number(n)), null]),
      );
    });

    it('reads the deadline and the amount of point 11', () => {
      const p11 = byNo(plan, '11');
      expect(p11.title).toBe('用活运营基金');
      expect(p11.deadline).toEqual({ text: '上半年', date: '2018-06-30' });
      expect(p11.targets).toEqual([
        { text: '出资5000万元', value: 5000, unit: '万元', comparator: '=' },
      ]);
    });

    it('reads the counts of point 4', () => {
      expect(byNo(plan, '4').targets).toEqual([
        { text: '培育20个左右', value: 20, unit: '个', comparator: '~' },
        { text: '培育50家以上', value: 50, unit: '家', comparator: '>=' },
      ]);
    });

    it('drops the trailing | of the scrape', () => {
      expect(byNo(plan, '16').text.endsWith('等各项工作。')).toBe(true);
      expect(JSON.stringify(plan)).not.toContain('|');
    });
  });

  describe('corpus: city-ip-2019-half-year-summary-and-plan.txt (summary extracted from a PDF)', () => {
    const plan = doc('city-ip-2019-half-year-summary-and-plan.txt');
    const part = (name: ParsedPoint['part']) => plan.points.filter((p) => p.part === name);

    it('reads the title and the year', () => {
      expect(plan.title).toBe('知识产权局2019年上半年工作总结及下半年工作计划');
      expect(plan.year).toBe(2019);
      expect(plan.chapters.map((c) => [c.numeral, c.title, c.part])).toEqual([
        ['一', '2019年上半年工作完成情况', 'review'],
        ['二', '知识产权工作存在的问题', 'problems'],
        ['三', '下半年工作打算', 'plan'],
      ]);
    });

    it('finds 36 items: 25 of the review, 3 problems and 8 of the plan', () => {
      expect(plan.points).toHaveLength(36);
      expect(part('review')).toHaveLength(25);
      expect(part('problems')).toHaveLength(3);
      expect(part('plan')).toHaveLength(8);
    });

    it('numbers the review from 1 in each of its six sections: 5, 4, 4, 3, 5 and 4 points', () => {
      const sections = ['一', '二', '三', '四', '五', '六'];
      expect(sections.map((s) => part('review').filter((p) => p.section === s).length)).toEqual([
        5, 4, 4, 3, 5, 4,
      ]);
      expect(part('review').map((p) => p.no)).toEqual([
        ...range(1, 5),
        ...range(1, 4),
        ...range(1, 4),
        ...range(1, 3),
        ...range(1, 5),
        ...range(1, 4),
      ]);
      expect(part('review').every((p) => p.chapter === '一')).toBe(true);
    });

    it('keeps the 一是…四是 of review points as their sub-items', () => {
      const subItems = part('review')
        .filter((p) => p.subItems.length > 0)
        .map((p) => [p.section, p.no, p.subItems.length]);
      expect(subItems).toEqual([
        ['二', '1', 2],
        ['二', '2', 3],
        ['二', '3', 2],
        ['二', '4', 3],
        ['三', '3', 2],
        ['五', '1', 4],
        ['五', '2', 2],
      ]);
    });

    it('reports the three problems', () => {
      expect(part('problems').map((p) => [p.chapter, p.label, p.title])).toEqual([
        ['二', '(一)', '专利专项资金的使用范围偏窄'],
        ['二', '(二)', '知识产权工作与全市重点工作融合不够'],
        ['二', '(三)', '企业知识产权意识不强'],
      ]);
    });

    it('tracks the eight 一是…八是 of the second-half plan, with nothing leaking into them', () => {
      const items = part('plan');
      expect(items.map((p) => [p.chapter, p.section, p.label, p.no])).toEqual(
        ['一', '二', '三', '四', '五', '六', '七', '八'].map((n, i) => [
          '三',
          null,
          `${n}是`,
          String(i + 1),
        ]),
      );
      expect(items.every((p) => p.subItems.length === 0)).toBe(true);
      expect(items[0]?.title).toBe(
        '继续完善知识产权政策体系,为大众创业、万众创新营造良好的知识产权政策环境',
      );
      expect(items[7]?.text.endsWith('我们的节日等系列活动。')).toBe(true);
    });

    it('reads the targets of the plan', () => {
      expect(plan.targets.map((t) => [t.text, t.value, t.unit, t.comparator])).toEqual([
        ['增长10%以上', 10, '%', '>='],
        ['增长10%以上', 10, '%', '>='],
        ['达到12件', 12, '件', '>='],
        ['增长20%以上', 20, '%', '>='],
      ]);
      expect(part('plan')[5]?.targets.map((t) => t.text)).toEqual(['增长20%以上', '增长30%以上']);
      // the figures of the review are results, not targets
      expect(plan.points.filter((p) => p.part !== 'plan').flatMap((p) => p.targets)).toEqual([]);
    });

    it('closes up the spaces the PDF put inside words, and drops the site noise', () => {
      const all = plan.points.map((p) => p.text).join('\n');
      expect(all).toContain('分管市领导发表署名文章');
      expect(all).toContain('联合XX仲裁委员会');
      expect(all).not.toMatch(/市领 导|联 合|积 极/);
      expect(all).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
      expect(all).toContain('获得银行专利质押贷款1.17亿元');
      for (const noise of ['查看更多', '相关文章', '您可能关注', '申明敬告', '文档介绍']) {
        expect(all).not.toContain(noise);
      }
    });
  });
}
