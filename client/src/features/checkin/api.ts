/**
 * 服务点与签到: the `checkin` contracts are registered here, so their schemas ship only with the pages
 * that import this module (the project subpackage and the check-in page).
 */
import type {
  CheckinSummary,
  CreatePointInput,
  ImportOutput,
  PointCodeOutput,
  RegisterOutput,
  ScanOutput,
  ServicePoint,
} from '@shishi/shared-types';
import { checkinContracts } from '@shishi/shared-types/src/contracts/checkin';
import { invoke, registerContracts } from '../../services/call';

registerContracts('checkin', checkinContracts);

/** `poster`: also the mini-program code of the project page (staff, production). */
export function fetchCheckinSummary(projectId: string, poster = false): Promise<CheckinSummary> {
  return invoke('checkin', 'summary', poster ? { projectId, poster } : { projectId });
}

export function createServicePoint(input: CreatePointInput): Promise<ServicePoint> {
  return invoke('checkin', 'createPoint', input);
}

export function fetchPointCode(pointId: string): Promise<PointCodeOutput> {
  return invoke('checkin', 'code', { pointId });
}

export function checkIn(code: string, projectId?: string): Promise<ScanOutput> {
  return invoke('checkin', 'scan', projectId ? { code, projectId } : { code });
}

export function registerWorker(input: {
  projectId: string;
  pointId?: string;
  name: string;
  unit: string;
  phoneTail?: string;
}): Promise<RegisterOutput> {
  return invoke('checkin', 'register', input);
}

export function importList(
  projectId: string,
  fileBase64: string,
  confirm: boolean,
  previewToken?: string,
): Promise<ImportOutput> {
  return invoke('checkin', 'import', { projectId, fileBase64, confirm, ...(previewToken ? { previewToken } : {}) });
}
