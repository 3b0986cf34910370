/**
 * Issue 12: every export panel (features/export/ExportFile) shows the file's whole link, one a person can
 * paste into a computer's browser, and a 下载 button that says what kind of file it gets.
 */
import { downloadLabel, fullLink } from '../../client/src/features/export/link';

describe('fullLink', () => {
  const page = 'http://127.0.0.1:8080/#/packages/survey/pages/results/index?id=s1';

  it("makes the dev host's path whole with the page's host, keeping the signed query", () => {
    expect(fullLink('/storage/exports/surveys/ab12.csv?e=1764000000&s=x-Y_z', page)).toBe(
      'http://127.0.0.1:8080/storage/exports/surveys/ab12.csv?e=1764000000&s=x-Y_z',
    );
    expect(fullLink('/storage/a%20b.xlsx?e=1&s=2', 'https://union.example.cn/h5/#/pages/home/index')).toBe(
      'https://union.example.cn/storage/a%20b.xlsx?e=1&s=2',
    );
  });

  it("leaves a link that is whole already (the cloud's temporary links) as it is", () => {
    const cloud = 'https://7368-shishi-1a2b3c.tcb.qcloud.la/exports/kpi/ab12.xlsx?sign=abc&t=1764000000';
    expect(fullLink(cloud, page)).toBe(cloud);
    expect(fullLink('cloud://env.7368/exports/a.xlsx', page)).toBe('cloud://env.7368/exports/a.xlsx');
  });

  it('leaves an empty link empty (never the page itself), and a path alone where there is no page', () => {
    expect(fullLink('', page)).toBe('');
    expect(fullLink('/storage/a.xlsx', undefined)).toBe('/storage/a.xlsx');
    // In node there is no location: the default base is none.
    expect(fullLink('/storage/a.xlsx')).toBe('/storage/a.xlsx');
  });
});

describe('downloadLabel', () => {
  it.each([
    ['2026年度为职工办实事绩效看板.xlsx', '下载 Excel'],
    ['职工评价-快递员之家.XLSX', '下载 Excel'],
    ['职工需求调查-汇总.csv', '下载 CSV'],
    ['附件1 可行性研究报告.docx', '下载 Word'],
    ['说明.pdf', '下载 PDF'],
    ['文件.constructor', '下载文件'],
    ['没有扩展名', '下载文件'],
  ])('%s → %s', (name, label) => {
    expect(downloadLabel(name)).toBe(label);
  });
});
