/** 需求调查: every `survey` action the screens use. */
// Every survey action's contract, registered here: this module is imported only by the survey screens
// (subpackages), so the survey schemas stay out of the main package (首页 registers a light check of
// `listOpen` alone, HomeSurveys.tsx).
import { surveyContracts } from '@shishi/shared-types/src/contracts/survey';
import type {
  CreateSurveyInput,
  GetSurveyOutput,
  LinkEvidenceInput,
  LinkEvidenceOutput,
  ListMySurveysInput,
  ListOpenSurveysOutput,
  RecomputeResult,
  SubmitOfflineSurveyInput,
  SubmitSurveyInput,
  SubmitSurveyOutput,
  SurveyDimension,
  SurveyExportInput,
  SurveyExportFile,
  SurveyPage,
  SurveyPosterOutput,
  SurveyResults,
  TextAnswersInput,
  TextAnswersPage,
  UpdateSurveyInput,
} from '@shishi/shared-types';
import { invoke, registerContracts } from '../../services/call';
import { driveJob } from '../../services/jobs';

registerContracts('survey', surveyContracts);

export function fetchOpenSurveys(): Promise<ListOpenSurveysOutput> {
  return invoke('survey', 'listOpen');
}

export function fetchSurvey(surveyId: string): Promise<GetSurveyOutput> {
  return invoke('survey', 'get', { surveyId });
}

export function submitSurvey(input: SubmitSurveyInput): Promise<SubmitSurveyOutput> {
  return invoke('survey', 'submit', input);
}

export function submitOfflineSurvey(input: SubmitOfflineSurveyInput): Promise<SubmitSurveyOutput> {
  return invoke('survey', 'submitOffline', input);
}

export function fetchResults(surveyId: string, by?: SurveyDimension): Promise<SurveyResults> {
  return invoke('survey', 'results', { surveyId, by });
}

/**
 * 核对统计: counts every answer again and compares with the counters; `apply` replaces them. A job run in
 * batches: polled until done, `onProgress` gets 0–100.
 */
export function recomputeSurvey(
  surveyId: string,
  apply = false,
  onProgress?: (progress: number) => void,
): Promise<RecomputeResult> {
  return driveJob(
    invoke('survey', 'recompute', { surveyId, apply }),
    (jobId) => invoke('survey', 'recomputeStatus', { jobId }),
    onProgress,
  );
}

export function fetchTextAnswers(input: TextAnswersInput): Promise<TextAnswersPage> {
  return invoke('survey', 'textAnswers', input);
}

export function fetchMySurveys(
  filters: Omit<ListMySurveysInput, 'page' | 'pageSize'>,
  page: number,
  pageSize: number,
): Promise<SurveyPage> {
  return invoke('survey', 'listMine', { ...filters, page, pageSize });
}

export function createSurvey(input: CreateSurveyInput): Promise<GetSurveyOutput> {
  return invoke('survey', 'create', input);
}

export function updateSurvey(input: UpdateSurveyInput): Promise<GetSurveyOutput> {
  return invoke('survey', 'update', input);
}

export function publishSurvey(surveyId: string): Promise<GetSurveyOutput> {
  return invoke('survey', 'publish', { surveyId });
}

export function closeSurvey(surveyId: string): Promise<GetSurveyOutput> {
  return invoke('survey', 'close', { surveyId });
}

/** The 小程序码 of a published survey's answering page (weapp share poster); null where none can be made. */
export function fetchSurveyPoster(surveyId: string): Promise<SurveyPosterOutput> {
  return invoke('survey', 'poster', { surveyId });
}

export function duplicateSurvey(surveyId: string): Promise<GetSurveyOutput> {
  return invoke('survey', 'duplicate', { surveyId });
}

/** 导出: a job run in batches, polled until the file is made; `onProgress` gets 0–100. */
export function exportSurvey(
  input: SurveyExportInput,
  onProgress?: (progress: number) => void,
): Promise<SurveyExportFile> {
  return driveJob(
    invoke('survey', 'export', input),
    (jobId) => invoke('survey', 'exportStatus', { jobId }),
    onProgress,
  );
}

export function moderateText(surveyId: string, answerId: string, verdict: 'pass' | 'reject') {
  return invoke('survey', 'moderateText', { surveyId, answerId, verdict });
}

/** 调查依据: cite a survey's results for a proposal or project. */
export function linkSurveyEvidence(input: LinkEvidenceInput): Promise<LinkEvidenceOutput> {
  return invoke('survey', 'linkEvidence', input);
}
