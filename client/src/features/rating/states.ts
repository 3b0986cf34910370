/**
 * Where rating stands, in the words each screen uses: why a worker cannot rate (not open yet, ended,
 * not eligible), the line on the project page's card and the line staff read on the record.
 */
import type { ProjectStatus } from '@shishi/shared-types';
import type { RatingMineOutput, RatingSettings } from '@shishi/shared-types/src/contracts/rating';
import { ratingStatuses } from '@shishi/shared-types/src/rules/rating';
import { dayText } from './labels';

/** Rating ends when the project is closed (结项) or terminated; before that it may not have opened yet. */
function ended(s: RatingSettings): boolean {
  return s.projectStatus === 'closed' || s.projectStatus === 'terminated';
}

/** The project has started (实施), so an opening day set for today or earlier is in force. */
function started(s: RatingSettings): boolean {
  return ratingStatuses.includes(s.projectStatus as ProjectStatus);
}

/** The rating page when the worker cannot rate: a heading and the reason, plainly. */
export function cannotRate(m: RatingMineOutput): { title: string; reason: string } {
  const s = m.settings;
  if (!s.open) {
    if (ended(s)) return { title: '评价已经结束', reason: s.closedReason ?? '这个项目的评价已经结束。' };
    const reason =
      s.opensOn === null
        ? '工会开放评价后会通知您，到时再来。'
        : started(s)
          ? `评价从 ${dayText(s.opensOn)} 起开放，到时再来。`
          : `项目开始实施后开放评价（开放日期：${dayText(s.opensOn)}），到时再来。`;
    return { title: '评价还没有开放', reason };
  }
  if (!m.eligible)
    return { title: '您暂时不能评价这个项目', reason: m.ineligibleReason ?? '只有签到或登记过的职工可以评价。' };
  return { title: '现在不能评价', reason: '请稍后再来。' };
}

/** The first line of the project page's 职工评价 card. */
export function cardStateLine(s: RatingSettings): string {
  if (s.open) return `评价进行中（${dayText(s.opensOn ?? '')}起），欢迎说说您的感受。`;
  if (s.opensOn === null && !ended(s)) return '项目实施后，工会会开放职工评价，到时可以在这里给项目打分。';
  return cannotRate({
    settings: s,
    eligible: true,
    ineligibleReason: null,
    projectId: s.projectId,
    projectTitle: s.projectTitle,
    rating: null,
    canSubmit: false,
  }).reason;
}

/** Rating's state as staff read it on the record. */
export function staffStateLine(s: RatingSettings): string {
  if (s.opensOn === null) return ended(s) ? (s.closedReason ?? '评价已结束') : '还没有开放评价';
  if (s.open) return `评价进行中（${dayText(s.opensOn)}起）`;
  if (ended(s)) return s.closedReason ?? '评价已结束';
  if (!started(s)) return `已设定 ${dayText(s.opensOn)} 开放，项目开始实施后生效`;
  return `将于 ${dayText(s.opensOn)} 开放`;
}
