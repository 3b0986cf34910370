/** The `project` actions the record editor, the form pages, the decision page and the action sheets send. */
import type {
  CloseProjectInput,
  CreateProjectInput,
  ListProjectsInput,
  MoveProjectInput,
  Project,
  ProjectPage,
  RecordDecisionInput,
  RecordSpendingInput,
  SignInput,
  SubmitFormInput,
  UpdateProjectInput,
} from '@shishi/shared-types';
import { projectContracts } from '@shishi/shared-types/src/contracts/project';
import { invoke, registerContracts } from '../../../services/call';

// Replies are checked against the project contracts; registering them here keeps the schemas in the
// packages/project subpackage with the pages that call them (calling it twice is harmless).
registerContracts('project', projectContracts);

export function getProject(projectId: string): Promise<Project> {
  return invoke('project', 'get', { projectId });
}

export function listProjects(input: Partial<ListProjectsInput>): Promise<ProjectPage> {
  return invoke('project', 'list', input);
}

export function createProject(input: CreateProjectInput): Promise<Project> {
  return invoke('project', 'create', input);
}

export function updateProject(input: UpdateProjectInput): Promise<Project> {
  return invoke('project', 'update', input);
}

export function moveProject(input: MoveProjectInput): Promise<Project> {
  return invoke('project', 'move', input);
}

export function submitForm(input: SubmitFormInput): Promise<Project> {
  return invoke('project', 'submitForm', input);
}

export function signForm(input: SignInput): Promise<Project> {
  return invoke('project', 'sign', input);
}

export function recordDecision(input: RecordDecisionInput): Promise<ProjectPage> {
  return invoke('project', 'recordDecision', input);
}

export function recordSpending(input: RecordSpendingInput): Promise<Project> {
  return invoke('project', 'recordSpending', input);
}

export function closeProject(input: CloseProjectInput): Promise<Project> {
  return invoke('project', 'close', input);
}
