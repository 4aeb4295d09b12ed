import { performance } from 'node:perf_hooks';
import { shanghaiDate } from '@workpoints/domain';
import { PlanEntity, UserEntity, createDataSource } from '@workpoints/persistence';
import { startE2eStack } from '@workpoints/testing';

/**
 * Dashboard latency at 10,000 points: the api process of the e2e stack over a plan whose read
 * model is filled in bulk (10 lead divisions, 8 chapters of 3 sections, every status and colour,
 * 20,000 missed-report rows), timed over HTTP as a supervisor reads it — the whole plan and with
 * filters — the ledger (xlsx) export of the whole plan, and the plan of the grouped department
 * query from EXPLAIN ANALYZE.
 */
const POINTS = 10_000;
const SAMPLES = 60;
const WARMUP = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const log = (m: string) => process.stderr.write(`[dashboard bench] ${m}\n`);
  log('starting the api with a fresh database');
  // The ledger is timed as built inside the request, as before background exports: past
  // EXPORT_INLINE_LIMIT (2,000 by default) the download would answer 202 with an export job.
  const stack = await startE2eStack({
    apps: ['api'],
    env: { EXPORT_INLINE_LIMIT: String(POINTS) },
  });
  const ds = await createDataSource(stack.db.url).initialize();
  try {
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    const planId = (
      await ds
        .getRepository(PlanEntity)
        .save({ title: '万项看板基准', year, status: 'published', createdById: coordinator.id })
    ).id;
    log(`filling ${POINTS} points`);
    const t0 = performance.now();
    await ds.query(
      `INSERT INTO plan_nodes (plan_id, parent_id, kind, label, title, position)
       SELECT $1, NULL, 'chapter', c::text, '第' || c || '章', c FROM generate_series(1, 8) c`,
      [planId],
    );
    await ds.query(
      `INSERT INTO plan_nodes (plan_id, parent_id, kind, label, title, position)
       SELECT $1, ch.id, 'section', s::text, ch.title || '第' || s || '节', s
         FROM plan_nodes ch, generate_series(1, 3) s WHERE ch.plan_id = $1 AND ch.kind = 'chapter'`,
      [planId],
    );
    await ds.query(
      `WITH depts AS (SELECT array_agg(id ORDER BY code) AS ids FROM departments WHERE code <> 'bureau'),
            sups AS (SELECT array_agg(id ORDER BY username) AS ids FROM users WHERE 'supervisor' = ANY(roles)),
            secs AS (SELECT array_agg(id ORDER BY title) AS ids FROM plan_nodes WHERE plan_id = $1 AND kind = 'section')
       INSERT INTO work_points (plan_id, node_id, number, title, text, lead_department_id, supervisor_id,
                                deadline, status, risk, overdue, position, workflow_id)
       SELECT $1, secs.ids[1 + i % array_length(secs.ids, 1)], i, '要点' || i, '',
              depts.ids[1 + i % array_length(depts.ids, 1)], sups.ids[1 + i % array_length(sups.ids, 1)],
              (current_date + ((i % 200) - 100)) ,
              (ARRAY['assigned','acknowledged','in_progress','submitted','head_approved','completed'])[1 + i % 6],
              (ARRAY['green','green','yellow','red'])[1 + i % 4],
              i % 4 = 3, i, 'bench-' || $1 || '-' || i
         FROM generate_series(1, ${POINTS}) i, depts, sups, secs`,
      [planId],
    );
    await ds.query(
      `INSERT INTO notices (point_id, kind, due_date, notice_date, recipient, recipient_key, department_id, created_at)
       SELECT p.id, 'report-missed', current_date - m * 30, current_date - m * 30 + 1, 'lead',
              'lead:' || p.lead_department_id, p.lead_department_id, now()
         FROM work_points p, generate_series(1, 2) m WHERE p.plan_id = $1`,
      [planId],
    );
    await ds.query('ANALYZE');
    log(`filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const token = await stack.api.login('supervisor.li', stack.password);
    const chapter = (
      await ds.query<{ id: string }[]>(
        `SELECT id FROM plan_nodes WHERE plan_id = $1 AND kind = 'chapter' LIMIT 1`,
        [planId],
      )
    )[0]?.id;
    const variants: [string, string][] = [
      ['whole plan', ''],
      ['one chapter', `?chapterId=${chapter}`],
      ['red only', '?risk=red'],
    ];
    const lines: string[] = [];
    for (const [label, query] of variants) {
      const times: number[] = [];
      for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
        const t = performance.now();
        const res = await stack.api.request<{ total: number }>(
          'GET',
          `/plans/${planId}/dashboard${query}`,
          token,
        );
        if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
        if (i >= WARMUP) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      lines.push(
        `${`dashboard at ${POINTS} points, ${label} `.padEnd(46, '.')} p50 ${Math.round(percentile(times, 50))} ms  p95 ${Math.round(percentile(times, 95))} ms  (n=${SAMPLES})`,
      );
    }
    const ledgerMs: number[] = [];
    let ledgerBytes = 0;
    for (let i = 0; i < 6; i += 1) {
      const t = performance.now();
      const res = await fetch(`${stack.api.baseUrl}/plans/${planId}/ledger.xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`ledger answered ${res.status}`);
      ledgerBytes = (await res.arrayBuffer()).byteLength;
      if (i > 0) ledgerMs.push(performance.now() - t);
    }
    ledgerMs.sort((a, b) => a - b);
    lines.push(
      `${`ledger export at ${POINTS} points `.padEnd(46, '.')} p50 ${(percentile(ledgerMs, 50) / 1000).toFixed(2)} s  max ${(percentile(ledgerMs, 100) / 1000).toFixed(2)} s  (${(ledgerBytes / 1024).toFixed(0)} KiB, n=${ledgerMs.length})`,
    );
    const explain = await ds.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, COSTS OFF)
       SELECT p.lead_department_id, count(*), coalesce(sum(m.missed), 0)
         FROM work_points p
         LEFT JOIN (SELECT r.point_id, count(*) AS missed FROM notices r JOIN work_points rp ON rp.id = r.point_id
                     WHERE rp.plan_id = $1 AND r.kind = 'report-missed' AND r.recipient = 'lead' GROUP BY r.point_id) m
                ON m.point_id = p.id
        WHERE p.plan_id = $1 AND p.status <> 'draft' GROUP BY p.lead_department_id`,
      [planId],
    );
    const planText = explain.map((r) => r['QUERY PLAN']);
    const indexes = [...new Set(planText.join('\n').match(/(?:ix|uq|pk)_[a-z_]+/g) ?? [])];
    const execution = planText.find((l) => l.startsWith('Execution Time')) ?? '';
    process.stdout.write(
      [
        ...lines,
        `${'department query plan '.padEnd(46, '.')} ${execution}; indexes used: ${indexes.join(', ') || 'none'}`,
      ].join('\n') + '\n',
    );
  } finally {
    await ds.destroy();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
