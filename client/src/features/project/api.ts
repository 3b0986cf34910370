/**
 * 项目: what an adopted proposal became. The project contracts are registered here, so their schemas
 * ship only with the pages that import this module (the `packages/project` subpackage).
 */
import type {
  ExportFormInput,
  ListProjectsInput,
  Project,
  ProjectExportOutput,
  ProjectPage,
} from '@shishi/shared-types';
import { projectContracts } from '@shishi/shared-types/src/contracts/project';
import { invoke, registerContracts } from '../../services/call';

registerContracts('project', projectContracts);

/** Filters of the staff project list, without the paging. */
export type ProjectFilters = Omit<ListProjectsInput, 'page' | 'pageSize'>;

/** A project; staff may ask for an earlier (frozen) `version` of its record, shown read-only. */
export function fetchProject(projectId: string, version?: number): Promise<Project> {
  return invoke('project', 'get', version === undefined ? { projectId } : { projectId, version });
}

export function fetchProjects(filters: ProjectFilters, page: number, pageSize: number): Promise<ProjectPage> {
  return invoke('project', 'list', { ...filters, page, pageSize });
}

export function exportProjectForm(
  projectId: string,
  document: ExportFormInput['document'],
): Promise<ProjectExportOutput> {
  return invoke('project', 'exportForm', { projectId, document });
}
