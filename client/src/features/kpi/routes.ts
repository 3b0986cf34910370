/** Pages of the 绩效看板 subpackage (packages/kpi). */
import type { KpiFilter } from '@shishi/shared-types/src/contracts/kpi';

const root = '/packages/kpi/pages';

export const kpiDashboardUrl = `${root}/dashboard/index`;

/** The dashboard of a year (and level / org), as the list page's 返回看板 opens it. */
export function kpiDashboardUrlFor(year: number, level?: string, orgId?: string): string {
  const q = [`year=${year}`, level ? `level=${level}` : '', orgId ? `org=${encodeURIComponent(orgId)}` : '']
    .filter(Boolean)
    .join('&');
  return `${kpiDashboardUrl}?${q}`;
}

/** The projects behind one dashboard figure: the figure's own filter and what it is called. */
export function kpiListUrl(filter: KpiFilter, title: string): string {
  return `${root}/list/index?f=${encodeURIComponent(JSON.stringify(filter))}&t=${encodeURIComponent(title)}`;
}

/** 信号阈值 of a year (and org). */
export function kpiThresholdsUrl(year: number, orgId?: string): string {
  return `${root}/thresholds/index?year=${year}${orgId ? `&org=${encodeURIComponent(orgId)}` : ''}`;
}
