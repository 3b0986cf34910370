/** survey: building, lifecycle, answering, scope and bad input — through wx-server-sdk on the local runtime. */
import type {
  GetProposalOutput,
  GetSurveyOutput,
  ListOpenSurveysOutput,
  SubmitSurveyOutput,
  SurveyPage,
  SurveyResults,
  TextAnswersPage,
} from '@shishi/shared-types';
import type { AnswerDoc, SurveyDoc } from '../survey/model';
import { answers, definition, publishedSurvey, TODAY, workers } from './surveyFixtures';
import { failure, ok, worldPerTest } from './world';

const world = worldPerTest();

const call = (who: string | null, action: string, data?: unknown) => world.call(who, 'survey', action, data);
const submit = (who: string, surveyId: string, a = answers(0), extra: Record<string, unknown> = {}) =>
  call(who, 'submit', { surveyId, answers: a, ...extra });
const answersOf = (surveyId: string) => world.count('surveyAnswers', { surveyId });

describe('survey lifecycle', () => {
  it('draft → published → closed, with what each role sees on the way', async () => {
    const created = ok<GetSurveyOutput>(await call('demo-research', 'create', definition()));
    const id = created.survey._id;
    expect(created.survey).toMatchObject({
      status: 'draft',
      phase: 'draft',
      version: 1,
      questionCount: 9,
      opensAt: '2026-11-23T16:00:00.000Z',
      closesAt: '2026-12-31T16:00:00.000Z',
      audience: { orgId: 'dl', orgName: '大连市总工会', label: '大连市总工会' },
      createdByName: '孙静',
    });
    expect(created.manage).toMatchObject({ canEdit: true, canPublish: true, canClose: false, answersExist: false });

    // A draft is not there for workers, and takes no answers.
    expect(failure(await call('demo-worker', 'get', { surveyId: id })).code).toBe('NOT_FOUND');
    expect(failure(await submit('demo-worker', id)).code).toBe('NOT_FOUND');

    const edited = ok<GetSurveyOutput>(
      await call('demo-research', 'update', {
        ...definition({ title: '职工需求调查（修订）' }),
        surveyId: id,
        version: 1,
      }),
    );
    expect(edited.survey).toMatchObject({ title: '职工需求调查（修订）', version: 2 });

    const published = ok<GetSurveyOutput>(await call('demo-research', 'publish', { surveyId: id }));
    expect(published.survey).toMatchObject({ status: 'published', phase: 'open' });
    expect(published.survey.publishedAt).not.toBeNull();
    expect(await world.count('surveyCounters', { surveyId: id })).toBe(16);

    const open = ok<ListOpenSurveysOutput>(await call('demo-worker', 'listOpen'));
    expect(open.items.find((s) => s._id === id)).toMatchObject({ phase: 'open', submitted: false, responses: null });

    const seen = ok<GetSurveyOutput>(await call('demo-worker', 'get', { surveyId: id }));
    expect(seen).toMatchObject({ canAnswer: true, cannotAnswerReason: null, submitted: false, manage: null });

    const sent = ok<SubmitSurveyOutput>(await submit('demo-worker', id));
    expect(sent).toMatchObject({ surveyId: id, status: 'submitted', submittedAt: expect.any(String) });
    const after = ok<GetSurveyOutput>(await call('demo-worker', 'get', { surveyId: id }));
    expect(after).toMatchObject({
      submitted: true,
      canAnswer: false,
      cannotAnswerReason: '您已经提交过这份调查，感谢参与',
    });
    const mineNow = ok<ListOpenSurveysOutput>(await call('demo-worker', 'listOpen'));
    expect(mineNow.items.find((s) => s._id === id)?.submitted).toBe(true);

    const closed = ok<GetSurveyOutput>(await call('demo-research', 'close', { surveyId: id }));
    expect(closed.survey).toMatchObject({ status: 'closed', phase: 'closed' });
    expect(closed.manage).toMatchObject({ canEdit: false, responses: 1 });
    const late = failure(await submit('demo-newcomer-2', id));
    expect(late.code).toBe('PROFILE_REQUIRED');
    const [w] = await workers(world, 1, ['gr-xg-hotel']);
    expect(failure(await submit(w, id))).toEqual({
      code: 'WINDOW_CLOSED',
      message: '这份调查已于 2026-11-24 结束，不能再提交',
    });
    expect(await answersOf(id)).toBe(1);

    // Closing again is a no-op; publishing a closed survey is refused; so is editing it (a wrong state:
    // CONFLICT).
    expect(ok<GetSurveyOutput>(await call('demo-research', 'close', { surveyId: id })).survey.status).toBe('closed');
    expect(failure(await call('demo-research', 'publish', { surveyId: id }))).toMatchObject({
      code: 'CONFLICT',
      message: '调查已结束，不能再发布；可以复制为新的草稿',
    });
    expect(failure(await call('demo-research', 'update', { ...definition(), surveyId: id, version: 2 }))).toMatchObject(
      {
        code: 'CONFLICT',
        message: expect.stringContaining('调查已结束'),
      },
    );

    // Every change is in the audit log.
    const trail = await world.cloud.database().collection('auditLog').where({ targetId: id }).get();
    expect((trail.data as Array<{ action: string }>).map((e) => e.action).sort()).toEqual(
      ['closeSurvey', 'createSurvey', 'publishSurvey', 'updateSurvey'].sort(),
    );
  });

  it('lists a worker’s surveys: unanswered first, closing soonest first, then closed public ones they answered', async () => {
    const late = await publishedSurvey(world, 'demo-research', { title: '十二月底结束的调查', closesOn: '2026-12-31' });
    const soon = await publishedSurvey(world, 'demo-research', { title: '十二月初结束的调查', closesOn: '2026-12-10' });
    const done = await publishedSurvey(world, 'demo-research', { title: '答过的调查', closesOn: '2026-12-20' });
    const shown = await publishedSurvey(world, 'demo-research', { title: '公开结果的调查', resultsPublic: true });
    const hidden = await publishedSurvey(world, 'demo-research', { title: '不公开结果的调查' });
    for (const id of [done, shown, hidden]) ok(await submit('demo-worker', id));
    for (const id of [shown, hidden]) ok(await call('demo-research', 'close', { surveyId: id }));
    const items = ok<ListOpenSurveysOutput>(await call('demo-worker', 'listOpen')).items;
    expect(items.map((s) => [s._id, s.phase, s.submitted])).toEqual([
      [soon, 'open', false],
      ['seed-survey-needs', 'open', false],
      [late, 'open', false],
      [done, 'open', true],
      [shown, 'closed', true],
    ]);
  });

  it('a survey that opens tomorrow is listed nowhere for workers and says when it opens', async () => {
    const id = await publishedSurvey(world, 'demo-research', { opensOn: '2026-11-25' });
    expect(failure(await submit('demo-worker', id))).toEqual({
      code: 'WINDOW_CLOSED',
      message: '这份调查 2026-11-25 开始，请到时再来填写',
    });
    const open = ok<ListOpenSurveysOutput>(await call('demo-worker', 'listOpen'));
    expect(open.items.map((s) => s._id)).not.toContain(id);
    expect(await answersOf(id)).toBe(0);
  });

  it('a survey past its last day takes no answers (Shanghai midnight)', async () => {
    const id = await publishedSurvey(world, 'demo-research', { closesOn: TODAY });
    world.setNow(Date.parse('2026-11-25T00:00:00+08:00'));
    expect(failure(await submit('demo-worker', id)).code).toBe('WINDOW_CLOSED');
  });

  it('duplicates a survey as a new draft with the same questions', async () => {
    const id = await publishedSurvey(world);
    const copy = ok<GetSurveyOutput>(await call('demo-research', 'duplicate', { surveyId: id }));
    expect(copy.survey).toMatchObject({
      status: 'draft',
      version: 1,
      copiedFrom: id,
      title: '职工需求测试调查（副本）',
    });
    expect(copy.survey.sections).toEqual(
      ok<GetSurveyOutput>(await call('demo-research', 'get', { surveyId: id })).survey.sections,
    );
  });

  it('lists a staff member’s surveys (their subtree), newest change first, with answer counts', async () => {
    const city = await publishedSurvey(world);
    ok(await submit('demo-worker', city));
    const zs = ok<GetSurveyOutput>(
      await call(
        'demo-district',
        'create',
        definition({ title: '中山区职工调查', audience: { orgId: 'dist-zhongshan' } }),
      ),
    ).survey._id;
    const research = ok<SurveyPage>(await call('demo-research', 'listMine', { pageSize: 50 }));
    expect(research.items.map((s) => s._id)).toEqual(expect.arrayContaining([city, zs, 'seed-survey-needs']));
    expect(research.items.find((s) => s._id === city)?.responses).toBe(1);
    expect(research.items.find((s) => s._id === 'seed-survey-needs')?.responses).toBe(24);
    const district = ok<SurveyPage>(await call('demo-district', 'listMine'));
    expect(district.items.map((s) => s._id).sort()).toEqual([zs, 'seed-survey-women'].sort());
    const drafts = ok<SurveyPage>(await call('demo-research', 'listMine', { status: 'draft', keyword: '中山区' }));
    expect(drafts.items.map((s) => s._id)).toEqual([zs, 'seed-survey-women']);
    const none = ok<SurveyPage>(await call('demo-research', 'listMine', { status: 'closed' }));
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('refuses an edit made on an older version', async () => {
    const id = ok<GetSurveyOutput>(await call('demo-research', 'create', definition())).survey._id;
    ok(await call('demo-research', 'update', { ...definition({ title: '第一次修改' }), surveyId: id, version: 1 }));
    const stale = failure(
      await call('demo-research', 'update', { ...definition({ title: '第二次修改' }), surveyId: id, version: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect((await world.doc<SurveyDoc>('surveys', id))?.title).toBe('第一次修改');
  });

  it('once answered, accepts safe edits and refuses the rest with the reason', async () => {
    const id = await publishedSurvey(world);
    ok(await submit('demo-worker', id));
    const current = ok<GetSurveyOutput>(await call('demo-research', 'get', { surveyId: id }));
    expect(current.manage?.editNotice).toContain('已有 1 份答卷');

    const def = definition();
    const q1 = def.sections[0].questions[0] as { options: Array<{ id: string; label: string }> };
    const removed = {
      ...def,
      sections: [
        {
          ...def.sections[0],
          questions: [
            { ...def.sections[0].questions[0], options: q1.options.slice(0, 2) },
            def.sections[0].questions[1],
          ],
        },
        def.sections[1],
      ],
    };
    const refused = failure(await call('demo-research', 'update', { ...removed, surveyId: id, version: 1 }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('已有 1 份答卷');
    expect(refused.fields).toEqual([
      {
        path: 'sections.0.questions.0.options',
        message: '已有答卷，不能删除、调换选项或修改“其他”选项，只能在末尾添加新选项',
      },
    ]);

    const safe = definition({ title: '改了标题' });
    (safe.sections[0].questions[0] as { options: unknown[] }).options.push({ id: 'new', label: '新岗位' });
    safe.sections[1].questions.push({ id: 'q10', type: 'text', title: '补充', required: false });
    const accepted = ok<GetSurveyOutput>(await call('demo-research', 'update', { ...safe, surveyId: id, version: 1 }));
    expect(accepted.survey).toMatchObject({ title: '改了标题', version: 2, questionCount: 10 });
    // The answer given before still counts, and a new one may pick the new option.
    ok(await submit('demo-district', id, { ...answers(1), q1: { choice: 'new' } }));
  });
});

describe('survey scope', () => {
  it('staff create surveys only for their own subtree and 产业工会 inside it', async () => {
    const outside = failure(await call('demo-district', 'create', definition({ audience: { orgId: 'dist-xigang' } })));
    expect(outside).toMatchObject({
      code: 'FORBIDDEN',
      fields: [{ path: 'audience.orgId', message: '不在您的管辖范围内' }],
    });
    const notIndustry = failure(
      await call('demo-research', 'create', definition({ audience: { industryOrgIds: ['dist-xigang'] } })),
    );
    expect(notIndustry).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'audience.industryOrgIds.0', message: '请选择产业工会' }],
    });
    expect(failure(await call('demo-worker', 'create', definition())).code).toBe('FORBIDDEN');
    expect(failure(await call('demo-cadre', 'create', definition())).code).toBe('FORBIDDEN');
  });

  it('a worker outside the audience org is told whom the survey is for', async () => {
    const id = await publishedSurvey(world, 'demo-district', { audience: { orgId: 'dist-zhongshan' } });
    const [xigang] = await workers(world, 1, ['gr-xg-hotel']);
    expect(failure(await submit(xigang, id))).toEqual({
      code: 'FORBIDDEN',
      message: '这份调查面向中山区总工会的职工，您不在调查范围内',
    });
    expect(failure(await call(xigang, 'get', { surveyId: id })).code).toBe('FORBIDDEN');
    expect(ok<ListOpenSurveysOutput>(await call(xigang, 'listOpen')).items.map((s) => s._id)).not.toContain(id);
    expect(ok<SubmitSurveyOutput>(await submit('demo-worker', id)).status).toBe('submitted');
    // Other districts' staff do not manage it.
    expect(failure(await call('demo-district', 'results', { surveyId: 'seed-survey-needs' })).code).toBe('FORBIDDEN');
  });

  it('narrowed to an industry union: only its workers', async () => {
    const id = await publishedSurvey(world, 'demo-research', { audience: { industryOrgIds: ['ind-transport'] } });
    const [bus] = await workers(world, 1, ['gr-tr-bus']);
    expect(ok<SubmitSurveyOutput>(await submit(bus, id)).status).toBe('submitted');
    expect(failure(await submit('demo-worker', id)).message).toBe(
      '这份调查面向大连市交通运输工会的职工，您不在调查范围内',
    );
  });

  it('aimed at a worker group: the respondent says they belong to it', async () => {
    const id = await publishedSurvey(world, 'demo-research', { audience: { groups: ['women', 'newEmployment'] } });
    const refused = failure(await submit('demo-worker', id));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'groups', message: '请选择您所属的群体' }] });
    expect(refused.message).toContain('女职工、新就业形态劳动者');
    expect(ok<SubmitSurveyOutput>(await submit('demo-worker', id, answers(0), { groups: ['women'] })).status).toBe(
      'submitted',
    );
  });
});

describe('survey answers are checked against the survey (INVALID_INPUT, nothing stored)', () => {
  let id: string;
  beforeEach(async () => {
    id = await publishedSurvey(world);
  });
  const cases: Array<[string, Record<string, unknown>, { path: string; message: string }]> = [
    [
      'an unknown question',
      { ...answers(1), q99: { text: 'x' } },
      { path: 'answers.q99', message: '问卷里没有这道题' },
    ],
    ['an unknown option', { ...answers(1), q1: { choice: 'boss' } }, { path: 'answers.q1', message: '选项不存在' }],
    [
      'too many picks',
      { ...answers(1), q3: { choices: ['a', 'b', 'c'] } },
      { path: 'answers.q3', message: '最多选 2 项' },
    ],
    ['a required answer missing', { ...answers(1), q4: undefined }, { path: 'answers.q4', message: '请回答这道题' }],
    [
      'an answer to a hidden question',
      { ...answers(1), q2: { choice: 'long' } },
      { path: 'answers.q2', message: '根据前面的回答，这道题不需要回答' },
    ],
    [
      'text over the limit',
      { ...answers(1), q8: { text: '一二三四五六七八九十一' } },
      { path: 'answers.q8', message: '最多 10 个字' },
    ],
    [
      '其他 without its text',
      { ...answers(1), q1: { choice: 'other' } },
      { path: 'answers.q1', message: '请填写“其他”的具体内容' },
    ],
    ['a value out of range', { ...answers(1), q4: { value: 6 } }, { path: 'answers.q4', message: '分值应在 1–5 之间' }],
    [
      'an incomplete ranking',
      { ...answers(1), q6: { ranking: ['x'] } },
      { path: 'answers.q6', message: '请选出最重要的 2 项并排好顺序' },
    ],
    [
      'a matrix row missing',
      { ...answers(1), q7: { rows: { r1: 3 } } },
      { path: 'answers.q7', message: '请回答“通勤”' },
    ],
  ];
  it.each(cases)('%s', async (_name, bad, field) => {
    const countersBefore = await world.count('surveyCounters', { surveyId: id, 'c.n': 1 });
    const error = failure(await submit('demo-worker', id, JSON.parse(JSON.stringify(bad))));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([field]);
    expect(error.message).toMatch(/^答卷还有 1 处需要修改/);
    expect(await answersOf(id)).toBe(0);
    expect(await world.count('surveyCounters', { surveyId: id, 'c.n': 1 })).toBe(countersBefore);
    // The same worker may still answer properly afterwards.
    expect(ok<SubmitSurveyOutput>(await submit('demo-worker', id, answers(1))).status).toBe('submitted');
  });

  it('the wrong shape is refused by the schema with the field', async () => {
    const error = failure(await call('demo-worker', 'submit', { surveyId: id, answers: { q1: { choice: 3 } } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.[0].path).toBe('answers.q1.choice');
    expect(failure(await call('demo-worker', 'submit', { surveyId: id })).fields).toEqual([
      { path: 'answers', message: '请填写答案' },
    ]);
    expect(await answersOf(id)).toBe(0);
  });
});

describe('offline answers (线下代录)', () => {
  it('a cadre enters a paper answer for a bound member: it counts as theirs, so their own is a repeat', async () => {
    const id = await publishedSurvey(world);
    const entered = ok<SubmitSurveyOutput>(
      await call('demo-cadre', 'submitOffline', {
        surveyId: id,
        answers: answers(2),
        workerName: '王秀梅',
        paperNo: 'ZS-001',
      }),
    );
    expect(entered).toMatchObject({ status: 'submitted', matchedMember: true });
    const stored = (await world.cloud.database().collection('surveyAnswers').where({ surveyId: id }).get())
      .data as AnswerDoc[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      channel: 'offline',
      respondentKey: 'demo-worker',
      respondent: { openid: 'demo-worker', name: '王秀梅', orgId: 'gr-zs-sanitation' },
      offline: { enteredBy: 'demo-cadre', enteredByName: '李建国', paperNo: 'ZS-001' },
    });
    expect(ok<SubmitSurveyOutput>(await submit('demo-worker', id)).status).toBe('alreadySubmitted');
    const results = ok<SurveyResults>(await call('demo-research', 'results', { surveyId: id }));
    expect(results.channels).toEqual({ online: 0, offline: 1 });
  });

  it('a worker without a profile is keyed by union and name; entering them twice stores one', async () => {
    const id = await publishedSurvey(world);
    const input = { surveyId: id, answers: answers(1), workerName: '赵大勇' };
    expect(ok<SubmitSurveyOutput>(await call('demo-cadre', 'submitOffline', input))).toMatchObject({
      status: 'submitted',
      matchedMember: false,
    });
    expect(ok<SubmitSurveyOutput>(await call('demo-cadre', 'submitOffline', input)).status).toBe('alreadySubmitted');
    expect(await answersOf(id)).toBe(1);
  });

  it('a cadre enters only for their own union; workers may not enter at all', async () => {
    const id = await publishedSurvey(world);
    const other = failure(
      await call('demo-cadre', 'submitOffline', {
        surveyId: id,
        answers: answers(1),
        workerName: '赵大勇',
        orgId: 'gr-xg-hotel',
      }),
    );
    expect(other).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'orgId', message: '只能选本会' }] });
    expect(
      failure(await call('demo-worker', 'submitOffline', { surveyId: id, answers: answers(1), workerName: '赵大勇' }))
        .code,
    ).toBe('FORBIDDEN');
    // District staff name a union of their district.
    expect(
      failure(
        await call('demo-district', 'submitOffline', {
          surveyId: id,
          answers: answers(1),
          workerName: '赵大勇',
          orgId: 'gr-xg-hotel',
        }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      ok<SubmitSurveyOutput>(
        await call('demo-district', 'submitOffline', {
          surveyId: id,
          answers: answers(1),
          workerName: '赵大勇',
          orgId: 'gr-zs-mall',
        }),
      ).status,
    ).toBe('submitted');
  });
});

describe('results for workers, text answers and content check', () => {
  it('public results after answering: no breakdown, only texts that passed the check', async () => {
    const id = await publishedSurvey(world, 'demo-research', { resultsPublic: true, textsPublic: true });
    const [a, b] = await workers(world, 2, ['gr-zs-mall', 'gr-xg-hotel']);
    expect(failure(await call(a, 'results', { surveyId: id })).message).toBe('提交答卷后才能查看调查结果');
    ok(await submit(a, id, { ...answers(0), q9: { text: '希望食堂延长晚餐时间' } }));
    ok(await submit(b, id, { ...answers(0), q9: { text: '想赚钱加微信联系我' } }));
    const checks = world.cloud.local.openapi.securityChecks.slice(-2);
    expect(checks.map((c) => c.suggest)).toEqual(['pass', 'review']);

    const results = ok<SurveyResults>(await call(a, 'results', { surveyId: id }));
    expect(results).toMatchObject({ view: 'public', responses: 2, breakdown: null });
    expect(failure(await call(a, 'results', { surveyId: id, by: 'district' })).code).toBe('FORBIDDEN');

    const publicTexts = ok<TextAnswersPage>(await call(a, 'textAnswers', { surveyId: id, questionId: 'q9' }));
    expect(publicTexts.items.map((t) => [t.text, t.respondentName])).toEqual([['希望食堂延长晚餐时间', null]]);
    const staffTexts = ok<TextAnswersPage>(
      await call('demo-research', 'textAnswers', { surveyId: id, questionId: 'q9' }),
    );
    expect(staffTexts.items.map((t) => t.moderation)).toEqual(['review', 'pass']);
    expect(staffTexts.items[1].respondentName).toMatch(/测试/);

    const held = staffTexts.items[0].answerId;
    ok(await call('demo-research', 'moderateText', { surveyId: id, answerId: held, verdict: 'pass' }));
    expect(ok<TextAnswersPage>(await call(a, 'textAnswers', { surveyId: id, questionId: 'q9' })).total).toBe(2);
  });

  it('text answers are never public unless the survey said so before anyone answered', async () => {
    const id = await publishedSurvey(world, 'demo-research', { resultsPublic: true });
    const [a] = await workers(world, 1, ['gr-zs-mall']);
    ok(await submit(a, id, { ...answers(0), q9: { text: '我在三号车间，班长姓刘' } }));

    // Public numbers, private words: the worker sees the counts, not what others wrote (nor 其他 texts).
    const results = ok<SurveyResults>(await call(a, 'results', { surveyId: id }));
    expect(results.survey.textsPublic).toBe(false);
    expect(results.questions.find((x) => x.questionId === 'q9')?.overall).toEqual({ kind: 'text', answered: 1 });
    for (const questionId of ['q9', 'q1']) {
      expect(failure(await call(a, 'textAnswers', { surveyId: id, questionId }))).toEqual({
        code: 'FORBIDDEN',
        message: '这份调查只公开统计数字，不公开个人填写的文字',
      });
    }
    // Staff who run it still read them.
    expect(
      ok<TextAnswersPage>(await call('demo-research', 'textAnswers', { surveyId: id, questionId: 'q9' })).total,
    ).toBe(1);

    // Once someone answered, the setting cannot be turned on; turning it off stays possible.
    const got = ok<GetSurveyOutput>(await call('demo-research', 'get', { surveyId: id }));
    const edit = (textsPublic: boolean, version: number) =>
      call('demo-research', 'update', { ...definition({ resultsPublic: true, textsPublic }), surveyId: id, version });
    const refused = failure(await edit(true, got.survey.version));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.fields).toEqual([{ path: 'textsPublic', message: '已有答卷，不能再公开文字回答' }]);
    expect(ok<GetSurveyOutput>(await call('demo-research', 'get', { surveyId: id })).survey.textsPublic).toBe(false);

    const open = await publishedSurvey(world, 'demo-research', { resultsPublic: true, textsPublic: true });
    const before = ok<GetSurveyOutput>(await call('demo-research', 'get', { surveyId: open }));
    ok(await submit(a, open));
    const off = ok<GetSurveyOutput>(
      await call('demo-research', 'update', {
        ...definition({ resultsPublic: true, textsPublic: false }),
        surveyId: open,
        version: before.survey.version,
      }),
    );
    expect(off.survey.textsPublic).toBe(false);
    expect(failure(await call(a, 'textAnswers', { surveyId: open, questionId: 'q9' })).code).toBe('FORBIDDEN');
  });

  it('a card counts the questions asked before any answer (display logic), as the answering page does', async () => {
    const id = await publishedSurvey(world);
    const card = ok<SurveyPage>(await call('demo-research', 'listMine', {})).items.find((s) => s._id === id);
    // q2 shows only after q1 = 一线: 9 questions, 8 asked at first.
    expect(card).toMatchObject({ questionCount: 9, startCount: 8 });
  });

  it('private results: workers are told so; text answers are paged and searchable', async () => {
    const id = await publishedSurvey(world);
    ok(await submit('demo-worker', id, { ...answers(2), q9: { text: '驿站冬天要有热水' } }));
    expect(failure(await call('demo-worker', 'results', { surveyId: id })).message).toBe('这份调查的结果不对职工公开');
    const ws = await workers(world, 5, ['gr-zs-mall']);
    for (const [k, w] of ws.entries())
      ok(await submit(w, id, { ...answers(2), q9: { text: `第${k}条：托管班很需要` } }));
    const page = ok<TextAnswersPage>(
      await call('demo-research', 'textAnswers', {
        surveyId: id,
        questionId: 'q9',
        keyword: '托管',
        pageSize: 2,
        page: 2,
      }),
    );
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const other = ok<TextAnswersPage>(await call('demo-research', 'textAnswers', { surveyId: id, questionId: 'q3' }));
    expect(other.items.map((t) => [t.text, t.optionLabel])[0]).toEqual(['法律', '其他']);
    expect(failure(await call('demo-research', 'textAnswers', { surveyId: id, questionId: 'q4' })).code).toBe(
      'INVALID_INPUT',
    );
    const special = ok<TextAnswersPage>(
      await call('demo-research', 'textAnswers', { surveyId: id, questionId: 'q9', keyword: '.*' }),
    );
    expect(special.total).toBe(0);
  });
});

describe('evidence links', () => {
  it('links a survey’s results to a proposal in scope; get shows the link', async () => {
    const id = await publishedSurvey(world);
    const { link } = ok<{ link: { targetTitle: string; questionIds: string[] } }>(
      await call('demo-research', 'linkEvidence', {
        surveyId: id,
        targetType: 'proposal',
        targetId: 'seed-p1',
        note: '七成一线职工选了驿站',
        questionIds: ['q3'],
      }),
    );
    expect(link).toMatchObject({ targetTitle: '为户外环卫工人增设爱心驿站', questionIds: ['q3'] });
    const detail = ok<GetSurveyOutput>(await call('demo-research', 'get', { surveyId: id }));
    expect(detail.evidence).toEqual([expect.objectContaining({ targetId: 'seed-p1', note: '七成一线职工选了驿站' })]);
    // District staff can cite it (city-wide, above them) in the scoring sheet; their own list does not hold it.
    const citable = ok<SurveyPage>(await call('demo-district', 'listMine', { citable: true }));
    expect(citable.items.map((c) => c._id)).toContain(id);
    expect(citable.items.every((c) => c.status !== 'draft')).toBe(true);
    const own = ok<SurveyPage>(await call('demo-district', 'listMine', {}));
    expect(own.items.map((c) => c._id)).not.toContain(id);
    expect(own.items.some((c) => c.status === 'draft')).toBe(true);
    // The proposal shows its evidence to staff in scope (the screening sheet reads it), to nobody else.
    const staffView = ok<GetProposalOutput>(
      await world.call('demo-district', 'proposal', 'get', { proposalId: 'seed-p1' }),
    );
    expect(staffView.evidence).toEqual([
      expect.objectContaining({ surveyId: id, note: '七成一线职工选了驿站', questionIds: ['q3'] }),
    ]);
    const author = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: 'seed-p1' }));
    expect(author.evidence).toEqual([]);
    // A city-wide survey backs a district's proposal for that district's staff too; the other way round it does not.
    expect(
      ok(await call('demo-district', 'linkEvidence', { surveyId: id, targetType: 'proposal', targetId: 'seed-p2' })),
    );
    expect(
      failure(
        await call('demo-district', 'linkEvidence', { surveyId: id, targetType: 'proposal', targetId: 'seed-p4' }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      failure(await call('demo-research', 'linkEvidence', { surveyId: id, targetType: 'project', targetId: 'nope' }))
        .fields,
    ).toEqual([{ path: 'targetId', message: '项目不存在' }]);
    expect(
      failure(
        await call('demo-research', 'linkEvidence', {
          surveyId: id,
          targetType: 'proposal',
          targetId: 'seed-p1',
          questionIds: ['zz'],
        }),
      ).fields,
    ).toEqual([{ path: 'questionIds.0', message: '问卷里没有这道题' }]);
  });
});
