/**
 * Issue 12 ("已导出 11 条 beside 共 10 条"): the proposal export panel's count starts with the number the
 * screening list shows and names what else the file holds.
 */
import { exportCountText } from '../../client/src/features/screening/exportCount';

describe('exportCountText', () => {
  it("starts with the list's own count and names the merged and withdrawn rows", () => {
    expect(exportCountText({ rows: 11, merged: 1, withdrawn: 0 })).toBe(
      '已导出列表中的 10 条建议，另附已合并到其他建议的 1 条',
    );
    expect(exportCountText({ rows: 13, merged: 2, withdrawn: 1 })).toBe(
      '已导出列表中的 10 条建议，另附已合并到其他建议的 2 条、作者已撤回的 1 条',
    );
  });

  it('says nothing more when the file holds only what the list shows', () => {
    expect(exportCountText({ rows: 10, merged: 0, withdrawn: 0 })).toBe('已导出列表中的 10 条建议');
  });
});
