/**
 * 绩效评估: the `kpi` contracts are registered here, so their schemas ship only with the pages that
 * import this module (the project subpackage's staff record and the packages/kpi subpackage).
 */
import {
  kpiContracts,
  type DecideSignalInput,
  type KpiDashboard,
  type KpiDashboardInput,
  type KpiFilter,
  type KpiPage,
  type KpiProjectOutput,
  type SetThresholdsInput,
  type SignalView,
  type SignalsOfOutput,
  type ThresholdsOutput,
} from '@shishi/shared-types/src/contracts/kpi';
import type { ProjectExportOutput } from '@shishi/shared-types';
import { invoke, registerContracts } from '../../services/call';

registerContracts('kpi', kpiContracts);

export function fetchProjectKpi(projectId: string): Promise<KpiProjectOutput> {
  return invoke('kpi', 'project', { projectId });
}

/** The signals of one page of the staff project list (one call per page, up to 50 projects). */
export function fetchSignalsOf(projectIds: string[]): Promise<SignalsOfOutput> {
  return invoke('kpi', 'signalsOf', { projectIds });
}

export function fetchDashboard(input: KpiDashboardInput): Promise<KpiDashboard> {
  return invoke('kpi', 'dashboard', input);
}

export function fetchKpiList(filter: KpiFilter, page: number, pageSize: number): Promise<KpiPage> {
  return invoke('kpi', 'list', { ...filter, page, pageSize });
}

export function exportDashboard(input: KpiDashboardInput): Promise<ProjectExportOutput> {
  return invoke('kpi', 'exportDashboard', input);
}

export function fetchThresholds(year: number, orgId?: string): Promise<ThresholdsOutput> {
  return invoke('kpi', 'thresholds', orgId ? { year, orgId } : { year });
}

export function saveThresholds(input: SetThresholdsInput): Promise<ThresholdsOutput> {
  return invoke('kpi', 'setThresholds', input);
}

export function decideSignal(input: DecideSignalInput): Promise<SignalView> {
  return invoke('kpi', 'decideSignal', input);
}
