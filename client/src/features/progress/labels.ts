/** 2027-03-31 → 2027年3月31日 (a business date is already a calendar day: no time zone involved). */
export function dayLabel(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** The page's own link, for the H5 分享 button and the weapp share card. */
export const projectPath = (id: string) => `packages/project/pages/detail/index?id=${encodeURIComponent(id)}`;
