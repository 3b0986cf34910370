/** 需求调查: needs surveys — build, answer, aggregate, chart and export (第五条（一）). */
import { defineFunction } from '../common/app';
import {
  close,
  create,
  duplicate,
  duplicateJoins,
  lifecycleJoins,
  publish,
  update,
  updateJoins,
} from './commands/edit';
import { evidenceJoins, linkEvidence } from './commands/evidence';
import { exportJoins, exportStatus, exportSurvey } from './commands/export';
import { poster, posterJoins } from './commands/poster';
import { get, getJoins, listMine, listOpen } from './commands/read';
import {
  moderateJoins,
  moderateText,
  recompute,
  recomputeJoins,
  recomputeStatus,
  results,
  resultsJoins,
  textAnswers,
  textAnswersJoins,
} from './commands/results';
import { submit, submitJoins, submitOffline, submitOfflineJoins } from './commands/submit';

export const surveyFunction = defineFunction('survey', {
  create,
  update: { joins: updateJoins, run: update },
  publish: { joins: lifecycleJoins, run: publish },
  close: { joins: lifecycleJoins, run: close },
  duplicate: { joins: duplicateJoins, run: duplicate },
  get: { joins: getJoins, run: get },
  listMine,
  listOpen,
  submit: { joins: submitJoins, run: submit },
  submitOffline: { joins: submitOfflineJoins, run: submitOffline },
  results: { joins: resultsJoins, run: results },
  recompute: { joins: recomputeJoins, run: recompute },
  recomputeStatus,
  textAnswers: { joins: textAnswersJoins, run: textAnswers },
  moderateText: { joins: moderateJoins, run: moderateText },
  export: { joins: exportJoins, run: exportSurvey },
  exportStatus,
  poster: { joins: posterJoins, run: poster },
  linkEvidence: { joins: evidenceJoins, run: linkEvidence },
});
