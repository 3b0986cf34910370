/**
 * 职工评价 on the phone (issue 11): what the rating screens say — until when a rating may be changed (the
 * Dalian day, whatever the phone's zone), a mean with the words of its nearest score, and why a worker
 * cannot rate (not open yet, ended, not eligible), on the page, the project card and the staff record.
 */
import type { RatingMineOutput, RatingSettings } from '@shishi/shared-types';
import { dayText, editLine, meanText } from '../../client/src/features/rating/labels';
import { cannotRate, cardStateLine, staffStateLine } from '../../client/src/features/rating/states';

const settings = (over: Partial<RatingSettings> = {}): RatingSettings => ({
  projectId: 'p1',
  projectTitle: '环卫职工子女暑期托管班',
  projectStatus: 'inProgress',
  opensOn: '2026-11-24',
  eligibility: 'audience',
  open: true,
  closedReason: null,
  ...over,
});

const mine = (over: Partial<RatingMineOutput> = {}): RatingMineOutput => ({
  projectId: 'p1',
  projectTitle: '环卫职工子女暑期托管班',
  settings: settings(),
  eligible: true,
  ineligibleReason: null,
  rating: null,
  canSubmit: true,
  ...over,
});

describe('the words of the rating screens', () => {
  it('the last day to change a rating is the Dalian day of the instant (01:30 there is still the next day)', () => {
    // 2026-11-30 17:30 UTC is 2026-12-01 01:30 in Dalian.
    expect(editLine('2026-11-30T17:30:00.000Z')).toBe('7 天内可以修改（到 12月1日）');
    expect(editLine('2026-12-01T02:00:00.000Z')).toBe('7 天内可以修改（到 12月1日）');
    expect(editLine('2026-12-31T15:59:59.000Z')).toBe('7 天内可以修改（到 12月31日）');
  });

  it('a mean is written to one decimal with the words of its nearest whole score', () => {
    expect(meanText('satisfaction', 4)).toBe('4.0 分 · 比较满意');
    expect(meanText('awareness', 4.6)).toBe('4.6 分 · 非常了解');
    expect(meanText('benefit', 1.2)).toBe('1.2 分 · 没有受益');
    expect(meanText('participation', null)).toBe('暂无');
  });

  it('a business day is written as 年月日 without leading zeros', () => {
    expect(dayText('2026-12-01')).toBe('2026年12月1日');
  });
});

describe('why a worker cannot rate', () => {
  it('not opened yet: the day it opens, or that the union will say when', () => {
    expect(cannotRate(mine({ settings: settings({ open: false, opensOn: null }) }))).toEqual({
      title: '评价还没有开放',
      reason: '工会开放评价后会通知您，到时再来。',
    });
    expect(cannotRate(mine({ settings: settings({ open: false, opensOn: '2026-12-05' }) })).reason).toBe(
      '评价从 2026年12月5日 起开放，到时再来。',
    );
    // Set on a published project: it takes effect once the project is in progress.
    expect(
      cannotRate(mine({ settings: settings({ open: false, projectStatus: 'published', opensOn: '2026-11-24' }) }))
        .reason,
    ).toBe('项目开始实施后开放评价（开放日期：2026年11月24日），到时再来。');
  });

  it('closed at 结项: ended, with the server’s reason', () => {
    const closed = settings({ open: false, projectStatus: 'closed', closedReason: '这个项目已经结项，评价已经结束' });
    expect(cannotRate(mine({ settings: closed }))).toEqual({
      title: '评价已经结束',
      reason: '这个项目已经结项，评价已经结束',
    });
    expect(staffStateLine(closed)).toBe('这个项目已经结项，评价已经结束');
  });

  it('open but not eligible: the server’s reason, e.g. only served workers may rate', () => {
    const reason = '这个项目只请签到或登记过的受服务职工评价，没有找到您在本项目的签到或登记记录';
    expect(cannotRate(mine({ eligible: false, ineligibleReason: reason, canSubmit: false }))).toEqual({
      title: '您暂时不能评价这个项目',
      reason,
    });
  });

  it('the project card and the staff record say where rating stands', () => {
    expect(cardStateLine(settings())).toBe('评价进行中（2026年11月24日起），欢迎说说您的感受。');
    expect(cardStateLine(settings({ open: false, opensOn: null }))).toBe(
      '项目实施后，工会会开放职工评价，到时可以在这里给项目打分。',
    );
    expect(cardStateLine(settings({ open: false, opensOn: '2026-12-05' }))).toBe(
      '评价从 2026年12月5日 起开放，到时再来。',
    );
    expect(staffStateLine(settings({ open: false, opensOn: null }))).toBe('还没有开放评价');
    expect(staffStateLine(settings())).toBe('评价进行中（2026年11月24日起）');
    expect(staffStateLine(settings({ open: false, opensOn: '2026-12-05' }))).toBe('将于 2026年12月5日 开放');
    expect(staffStateLine(settings({ open: false, projectStatus: 'published' }))).toBe(
      '已设定 2026年11月24日 开放，项目开始实施后生效',
    );
  });
});
