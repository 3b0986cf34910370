/**
 * 项目: what an adopted proposal became. The project contracts are registered here, so their schemas
 * ship only with the pages that import this module (the `packages/project` subpackage).
 */
import type { Project } from '@shishi/shared-types';
import { projectContracts } from '@shishi/shared-types/src/contracts/project';
import { invoke, registerContracts } from '../../services/call';

registerContracts('project', projectContracts);

export function fetchProject(projectId: string): Promise<Project> {
  return invoke('project', 'get', { projectId });
}
