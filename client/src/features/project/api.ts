/** 项目: what an adopted proposal became. */
import type { Project } from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function fetchProject(projectId: string): Promise<Project> {
  return invoke('project', 'get', { projectId });
}
