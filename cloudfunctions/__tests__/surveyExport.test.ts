/** survey.export: a real .xlsx (summary and answers sheets) and CSV in cloud storage. */
import { readFileSync } from 'node:fs';
import { formatDateTime, type SurveyExportFile } from '@shishi/shared-types';
import ExcelJS from 'exceljs';
import { shanghaiMinute } from '../survey/table';
import { answers, publishedSurvey, workers } from './surveyFixtures';
import { failure, ok, worldPerTest } from './world';
import { finished } from './jobReplies';

const world = worldPerTest();

const call = (who: string | null, action: string, data?: unknown) => world.call(who, 'survey', action, data);
const fileOf = (out: SurveyExportFile) => readFileSync(world.cloud.local.storage.pathOf(out.fileID));

async function answered(anonymous = false) {
  const id = await publishedSurvey(world, 'demo-research', { anonymous, resultsPublic: true });
  const ws = await workers(world, 3, ['gr-zs-mall', 'gr-tr-bus']);
  for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
  ok(
    await call('demo-cadre', 'submitOffline', {
      surveyId: id,
      answers: answers(3),
      workerName: '赵大勇',
      paperNo: 'ZS-9',
    }),
  );
  return id;
}

describe('survey.export', () => {
  it('writes an .xlsx with the summary and one row per answer', async () => {
    const id = await answered();
    const out = finished<SurveyExportFile>(await call('demo-research', 'export', { surveyId: id, format: 'xlsx' }));
    expect(out).toMatchObject({ rows: 4, fileName: '职工需求测试调查-答卷-20261124.xlsx' });
    expect(out.url).toMatch(/^\/storage\/exports\/surveys\//);
    const bytes = fileOf(out);
    expect(out.bytes).toBe(bytes.length);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '答卷']);
    const sheet = book.getWorksheet('答卷')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual([
      '序号',
      '提交时间',
      '渠道',
      '姓名',
      '基层工会',
      '区市县',
      '产业工会',
      '职工群体',
      '纸质问卷编号',
      '录入人',
    ]);
    expect(header).toContain('1. 岗位');
    expect(header).toContain('7. 服务评价 - 食堂');
    expect(sheet.rowCount).toBe(5);
    const rows = [2, 3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    const offline = rows.find((r) => r[2] === '线下代录')!;
    expect(offline.slice(3, 10)).toEqual([
      '赵大勇',
      '中山区环卫服务中心工会',
      '中山区总工会',
      undefined,
      undefined,
      'ZS-9',
      '李建国',
    ]);
    const first = rows.find((r) => r[3] === '王测试甲')!;
    expect(first[header.indexOf('1. 岗位')]).toBe('一线');
    expect(first[header.indexOf('3. 希望办的实事')]).toBe('托管');
    expect(first[header.indexOf('4. 满意度')]).toBe(1);
    expect(first[header.indexOf('6. 排序')]).toBe('1.收入 2.安全');

    const summary = book.getWorksheet('汇总')!;
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual(['调查', '职工需求测试调查']);
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual(['答卷数', 4]);
  });

  it('writes CSV (UTF-8 with BOM) of the answers or the summary, quoting and defusing formulas', async () => {
    const id = await publishedSurvey(world);
    ok(
      await call('demo-worker', 'submit', {
        surveyId: id,
        answers: { ...answers(0), q9: { text: '=HYPERLINK("x"),含逗号' } },
      }),
    );
    const out = finished<SurveyExportFile>(await call('demo-research', 'export', { surveyId: id, format: 'csv' }));
    expect(out.fileName).toBe('职工需求测试调查-答卷-20261124.csv');
    const text = fileOf(out).toString('utf8');
    expect(text.startsWith('\ufeff序号,提交时间,渠道,姓名,基层工会,')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('王秀梅');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""),含逗号"`);

    const summary = finished<SurveyExportFile>(
      await call('demo-research', 'export', { surveyId: id, format: 'csv', part: 'summary' }),
    );
    expect(summary.fileName).toBe('职工需求测试调查-结果汇总-20261124.csv');
    expect(summary.rows).toBe(1);
    expect(fileOf(summary).toString('utf8')).toContain('答卷数,1');
  });

  it('anonymous exports carry no names and hide segments under 5', async () => {
    const id = await answered(true);
    const out = finished<SurveyExportFile>(await call('demo-research', 'export', { surveyId: id, format: 'csv' }));
    const text = fileOf(out).toString('utf8');
    expect(text).not.toContain('姓名');
    expect(text).not.toContain('赵大勇');
    expect(text).not.toContain('中山区总工会');
    expect(text).toContain('（人数较少，不显示）');
  });

  it('is for staff who manage the survey', async () => {
    const id = await publishedSurvey(world);
    expect(failure(await call('demo-worker', 'export', { surveyId: id, format: 'xlsx' })).code).toBe('FORBIDDEN');
    expect(failure(await call('demo-district', 'export', { surveyId: id, format: 'xlsx' })).code).toBe('FORBIDDEN');
    expect(failure(await call('demo-research', 'export', { surveyId: id, format: 'pdf' })).fields).toEqual([
      { path: 'format', message: '请选择导出格式（xlsx 或 csv）' },
    ]);
  });

  it('writes submission times in Shanghai time, as formatDateTime does', () => {
    for (const at of ['2026-11-23T16:00:00Z', '2026-12-31T15:59:59Z', '2027-06-30T23:30:00Z', '1999-01-01T00:00:00Z']) {
      expect(shanghaiMinute(new Date(at))).toBe(formatDateTime(at));
    }
  });
});
