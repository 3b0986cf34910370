/**
 * 绩效评估 (issue 11), in Chromium on a phone: 中山区总工会 (张丽) opens an established project's record
 * and its KPI card shows 目标 vs 中期 vs 终期 for each figure, each with where it comes from (附件1 as
 * filed, live counts), exactly the figures `kpi.project` gives; 采纳 the signal needs a reason; then
 * 绩效看板: every number tapped opens the list behind it, and the list has as many projects as the
 * number said (项目总数, a status, a signal), and the status chart is drawn on its canvas; 导出 Excel holds
 * as many projects as 项目总数 and gives the whole link and a 下载 button.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KpiDashboard, KpiProjectOutput } from '@shishi/shared-types/src/contracts/kpi';
import { establishProject, goBackSettled, signedInPhone } from './helpers';
import { api, baseUrl, launch, shot } from './browser';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const TITLE = '快递员职工之家暖心服务';
const STAFF = 'demo-district';

let browser: Browser;
let projectId = '';
let kpi: KpiProjectOutput;
const contexts: BrowserContext[] = [];

const record = {
  level: 'district',
  applicantUnit: '中山区总工会',
  leaderName: '张丽',
  phone: '0411-82345678',
  email: 'zs@example.cn',
  reportDate: '2026-11-01',
  title: TITLE,
  necessity: '中山区快递员午间和夜间缺少歇脚、热饭和充电的地方，职工建议集中。',
  feasibility: '各街道职工之家已有场地，区总工会有经费和管理经验，当年可以办结。',
  serviceTargets: '中山区快递员、外卖送餐员',
  serviceMethod: '在职工之家设快递员服务角，提供热水、热饭、充电和休息',
  goals: '开放 4 处快递员服务角',
  standards: '每处有饮水机、微波炉、充电柜和药箱，每天开放不少于 10 小时',
  coverage: '中山区 4 个街道',
  subProjects: [],
  startDate: '2026-11-20',
  endDate: '2027-06-30',
  milestones: [
    { date: '2026-12-31', task: '4 处服务角全部开放' },
    { date: '2027-06-30', task: '服务总结' },
  ],
  budgetLines: [
    { item: '饮水机、微波炉和充电柜', amountFen: 3_000_000, cityAidFen: 1_500_000, source: '市总扶助、区总工会经费' },
  ],
  aidStatement: '市总扶助资金全部用于设备',
  expectedResults: '快递员有地方歇脚、热饭和充电。',
  targetCovered: 4000,
  targetServed: 800,
  targetSatisfaction: 85,
  organisation: '区总工会成立工作专班',
  supervision: '区总工会经审会全程监督',
  fundingAssurance: '专款专用，单独核算',
  publicity: '通过工会公众号和街道宣传栏发布',
  workflowText: '快递员就近走进挂牌的服务角，扫码签到后即可使用。',
  duties: {
    planning: { person: '张丽', scope: '方案策划' },
    implementation: { person: '李明', scope: '服务角建设' },
    supervision: { person: '王刚', scope: '督导进度' },
    inspection: { person: '赵芳', scope: '质量检查' },
    acceptance: { person: '孙伟', scope: '组织验收' },
  },
  temporaryNeed: true,
};

/** The project up to 实施中 (论证, 市总党组会, 启动申报表 signed by all three, published, started), through the API. */
async function establishedProject(): Promise<string> {
  const id = await establishProject(STAFF, record, '同意中山区快递员职工之家暖心服务项目', {
    overview: '4 个街道职工之家设快递员服务角',
    plan: '12 月底全部开放，6 月底总结',
    fillDate: '2026-11-20',
  });
  // Published and started: signals are decided from 发布实施 on, and the live counts stand under 中期.
  await api(STAFF, 'project', 'move', { projectId: id, move: 'publish' });
  await api(STAFF, 'project', 'move', { projectId: id, move: 'start' });
  return id;
}

before(async () => {
  browser = await launch();
  projectId = await establishedProject();
  kpi = await api<KpiProjectOutput>(STAFF, 'kpi', 'project', { projectId });
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const open = (identity: string, path: string) => signedInPhone(browser, contexts, identity, path, PINNED);

/** Pages stay in the DOM under the one on top (H5 navigation stack): only the visible copy counts. */
const onScreen = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();
const textOf = async (page: Page, selector: string) => ((await onScreen(page, selector).textContent()) ?? '').trim();

/** Fen as the card shows it: 1234567 → "12,345.67 元" (integer arithmetic, as the client does). */
function yuan(fen: number): string {
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')} 元`;
}

test('the KPI card on the record shows 目标 vs 中期 vs 终期, each figure with its source, and 采纳 needs a reason', async () => {
  const page = await open(STAFF, `packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`);
  await onScreen(page, '#kpi-table').waitFor();
  const head = await textOf(page, '#kpi-table');
  for (const stage of ['目标', '中期', '终期']) assert.ok(head.includes(stage), `column ${stage}`);

  // 覆盖职工数量 and 直接服务职工数量: the targets filed on 附件1, from the form.
  const covered = kpi.metrics.find((m) => m.key === 'covered')!;
  const served = kpi.metrics.find((m) => m.key === 'served')!;
  assert.equal(covered.target[0]!.value, record.targetCovered);
  assert.equal(served.target[0]!.value, record.targetServed);
  assert.equal(await textOf(page, '#kpi-covered-target-0-value'), covered.target[0]!.display);
  assert.ok((await textOf(page, '#kpi-covered-target-0-source')).startsWith('表单填报'));
  // 资金使用 · 目标: the budget filed on 附件1, 30,000.00 元, in 元 with two decimals from fen.
  assert.equal(await textOf(page, '#kpi-funds-target-0-value'), '30,000.00 元');

  // Every figure of every stage, as `kpi.project` gives it: the value (money from fen, two decimals) and its source.
  for (const m of kpi.metrics) {
    await onScreen(page, `#kpi-metric-${m.key}`).scrollIntoViewIfNeeded();
    for (const stage of ['target', 'midterm', 'final'] as const) {
      const figures = m[stage];
      const shown = await page.locator(`#kpi-${m.key}-${stage} [id$="-value"]`).filter({ visible: true }).count();
      if (figures.length === 0) {
        assert.equal(await textOf(page, `#kpi-${m.key}-${stage}`), '暂无', `${m.key} ${stage}`);
        continue;
      }
      assert.equal(shown, figures.length, `${m.key} ${stage}: figures shown`);
      for (const [i, f] of figures.entries()) {
        // Money: the amount from fen with two decimals, then what the function adds after it (（预算的 40%）).
        const want =
          f.value === null
            ? f.display || '暂无'
            : m.unit === 'fen'
              ? `${yuan(f.value)}${f.display.slice(f.display.indexOf('元') + 1)}`
              : f.display;
        assert.equal(await textOf(page, `#kpi-${m.key}-${stage}-${i}-value`), want, `${m.key} ${stage} ${i}`);
        const source = await textOf(page, `#kpi-${m.key}-${stage}-${i}-source`);
        const kind = { form: '表单填报', measured: '实时统计', computed: '计算得出' }[f.source.kind];
        assert.equal(source, `${kind}：${f.source.label}`);
      }
    }
  }
  // The live counts (check-ins, views) stand under the stage the project is in.
  const live = kpi.liveStage;
  assert.ok(
    served[live].some((f) => f.source.kind === 'measured'),
    'a measured 直接服务 figure in the live stage',
  );

  // The signal with the figures behind it. No ratings yet: 数据不足, which cannot be accepted, only set
  // (调整) — with a new signal and a reason; without a reason the phone refuses and nothing is stored.
  await onScreen(page, '#kpi-signal').scrollIntoViewIfNeeded();
  assert.equal(kpi.signal.computed, 'insufficient');
  assert.equal(await textOf(page, '#kpi-signal-effective'), kpi.signal.effectiveLabel);
  assert.ok(kpi.canDecide, '张丽 may accept or override the signal of her district project');
  assert.equal(await page.locator('#kpi-signal-accept').filter({ visible: true }).count(), 0);
  await onScreen(page, '#kpi-signal-override').click();
  await onScreen(page, '#kpi-signal-submit').click();
  await onScreen(page, '#kpi-signal-reason-error').waitFor();
  let now = await api<KpiProjectOutput>(STAFF, 'kpi', 'project', { projectId });
  assert.equal(now.signal.decision, null);
  const reason = '刚刚启动，评价还不够，先维持现有规模';
  await onScreen(page, '#kpi-signal-choice-maintain').click();
  await onScreen(page, '#kpi-signal-reason').locator('textarea, input').first().fill(reason);
  await onScreen(page, '#kpi-signal-submit').click();
  await onScreen(page, '#kpi-signal-decision').waitFor();
  assert.ok((await textOf(page, '#kpi-signal-decision')).includes('已调整为“维持”'));
  assert.equal(await textOf(page, '#kpi-signal-effective'), '维持');
  now = await api<KpiProjectOutput>(STAFF, 'kpi', 'project', { projectId });
  assert.deepEqual(
    [now.signal.decision?.decision, now.signal.decision?.signal, now.signal.decision?.reason, now.signal.effective],
    ['override', 'maintain', reason, 'maintain'],
  );
  await shot(page, 'kpi-card');

  // 项目管理 (the staff list): the row carries the same signal as a chip, marked as decided by staff.
  const list = await open(STAFF, 'packages/project/pages/list/index');
  await onScreen(list, '#plist-search input').fill(TITLE);
  await onScreen(list, '#plist-search-submit').click();
  await onScreen(list, `#project-${projectId}-signal`).waitFor();
  assert.equal(await textOf(list, `#project-${projectId}-signal`), '维持 · 已调整');
  assert.ok((await textOf(list, `#project-${projectId}-signal-reason`)).startsWith('信号依据：评价 0 人'));
});

/** Taps 加载更多 until the list ends; the ids of the projects listed. */
async function allListed(page: Page): Promise<string[]> {
  await page.locator('#kpi-list-total, #kpi-list-empty').filter({ visible: true }).first().waitFor();
  for (;;) {
    if (await onScreen(page, '#kpi-list-end, #kpi-list-empty').isVisible()) break;
    const before = await page.locator('[id^="kpi-list-item-"]').filter({ visible: true }).count();
    await onScreen(page, '#kpi-list-load-more').click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[id^="kpi-list-item-"]').length > n || !!document.getElementById('kpi-list-end'),
      before,
    );
  }
  const ids = await page
    .locator('[id^="kpi-list-item-"]')
    .filter({ visible: true })
    .evaluateAll((els) => els.map((el) => el.id.replace('kpi-list-item-', '')));
  return ids;
}

/** Taps a figure on the dashboard, counts the list it opens, and comes back. */
async function listBehind(page: Page, selector: string): Promise<string[]> {
  await onScreen(page, selector).scrollIntoViewIfNeeded();
  await onScreen(page, selector).click();
  await onScreen(page, '#kpi-list-head').waitFor();
  const ids = await allListed(page);
  await goBackSettled(page);
  await onScreen(page, '#kpi-tile-total-value').waitFor();
  return ids;
}

test('绩效看板: every number opens its list, and the list has as many projects as the number says', async () => {
  const year = kpi.year;
  const dash = await api<KpiDashboard>(STAFF, 'kpi', 'dashboard', { year });
  const page = await open(STAFF, `packages/kpi/pages/dashboard/index?year=${year}`);
  await onScreen(page, '#kpi-tile-total-value').waitFor();
  assert.equal(await textOf(page, '#kpi-tile-total-value'), `${dash.total.count.toLocaleString('en-US')} 个`);
  assert.ok(dash.total.count >= 1);

  // 项目总数 → every project of the year; ours among them.
  const all = await listBehind(page, '#kpi-tile-total');
  assert.equal(all.length, dash.total.count);
  assert.ok(all.includes(projectId));

  // The row of our project's status in 项目状态 → the projects in that status.
  const s = dash.byStatus.findIndex((b) => b.status === kpi.status);
  assert.ok(s >= 0, `status ${kpi.status} on the dashboard`);
  assert.ok((await textOf(page, `#kpi-status-chart-row-${s}`)).includes(`${dash.byStatus[s]!.count} 个`));
  const inStatus = await listBehind(page, `#kpi-status-chart-row-${s}`);
  assert.equal(inStatus.length, dash.byStatus[s]!.count);
  assert.ok(inStatus.includes(projectId));

  // The row of our project's signal → the projects with that signal.
  const effective = (await api<KpiProjectOutput>(STAFF, 'kpi', 'project', { projectId })).signal.effective;
  const g = dash.signals.findIndex((b) => b.signal === effective);
  assert.ok(g >= 0, `signal ${effective} on the dashboard`);
  const withSignal = await listBehind(page, `#kpi-signals-chart-row-${g}`);
  assert.equal(withSignal.length, dash.signals[g]!.count);
  assert.ok(withSignal.includes(projectId));

  // 中期报告逾期: the tile's number equals its list (0 is a list too: the empty state).
  const overdue = await listBehind(page, '#kpi-tile-overdue-midterm');
  assert.equal(overdue.length, dash.overdue.midterm.count);
  // 座谈跟进逾期 (the demo forum has a follow-up past its day): its number equals its list too.
  const followUps = await listBehind(page, '#kpi-tile-overdue-followups');
  assert.equal(followUps.length, dash.overdue.followUps.count);

  // The status chart is drawn (the chart library on the H5 canvas), beside its table.
  const drawn = await onScreen(page, '#kpi-status-chart-canvas').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return false;
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  });
  assert.ok(drawn, 'the status chart has pixels');
  await shot(page, 'kpi-dashboard');

  // 导出 Excel: the workbook downloads at once; the panel says it holds as many projects as 项目总数, shows
  // the whole link (with the host, to open on a computer) and a 下载 Excel button that gives it again.
  await onScreen(page, '#kpi-export-xlsx').scrollIntoViewIfNeeded();
  const [made] = await Promise.all([page.waitForEvent('download'), onScreen(page, '#kpi-export-xlsx').click()]);
  assert.match(made.suggestedFilename(), /\.xlsx$/);
  await onScreen(page, '#kpi-export-result').waitFor();
  assert.equal(await textOf(page, '#kpi-export-rows'), `已导出 ${dash.total.count} 个项目`);
  assert.equal(await textOf(page, '#kpi-export-download'), '下载 Excel');
  const link = await textOf(page, '#kpi-export-link');
  assert.ok(link.startsWith(`${baseUrl}/`), `a full link with the host: ${link}`);
  const res = await fetch(link);
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
  const [again] = await Promise.all([page.waitForEvent('download'), onScreen(page, '#kpi-export-download').click()]);
  assert.ok((await readFile(await again.path())).equals(bytes), 'the 下载 button gives the file the link gives');
  await onScreen(page, '#kpi-export-result').scrollIntoViewIfNeeded();
  await shot(page, 'kpi-export');
});
