/**
 * Every collection and its indexes, declared once. The local runtime creates and enforces them; the
 * same list is what production indexes are created from (docs/architecture.md, "Indexes").
 */
export interface IndexDeclaration {
  name: string;
  /** Field paths, each ascending (1) or descending (-1). */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionDeclaration {
  name: string;
  indexes: IndexDeclaration[];
}

export const collections = [
  {
    name: 'orgs',
    indexes: [
      { name: 'path', keys: { path: 1 } },
      // The whole tree in display order (allOrgs: the picker, routing by department code).
      { name: 'order', keys: { order: 1 } },
      // Districts or industry unions of the tree (survey breakdowns by 区市县 / 产业工会).
      { name: 'type_order', keys: { type: 1, order: 1 } },
    ],
  },
  {
    name: 'users',
    indexes: [
      { name: 'org', keys: { orgId: 1 } },
      // Who holds a role at a node (signers of a form, staff to remind): multikey over the bindings.
      { name: 'binding_org', keys: { 'bindings.orgId': 1 } },
      // 人员与角色 (org.staff, org.findPeople): people bound anywhere in a subtree, by name (multikey).
      { name: 'binding_orgPath_name', keys: { 'bindings.orgPath': 1, name: 1 } },
      // The same for profiles from before bindings (top-level orgPath and role).
      { name: 'orgPath_name', keys: { orgPath: 1, name: 1 } },
    ],
  },
  {
    name: 'proposals',
    indexes: [
      // An exact repeat of the author's stored proposal (proposal.submit). authorKey is the OPENID, or
      // offline:<org>:<name> for an offline entry. Not unique: a second proposal may reuse a title (a
      // repeat of one submission is the same _id, from the author and the client's draft id). The name is
      // kept so that deploy replaces the unique index of that name.
      { name: 'author_window_title', keys: { authorKey: 1, windowId: 1, titleKey: 1 } },
      { name: 'orgPath_created', keys: { orgPath: 1, createdAt: -1 } },
      // The export job pages a window's proposals of a subtree by (createdAt, _id) (keyset, one range a page).
      { name: 'orgPath_window_created', keys: { orgPath: 1, windowId: 1, createdAt: 1, _id: 1 } },
      { name: 'author_created', keys: { authorOpenid: 1, createdAt: -1 } },
      // 我的建议 (proposal.listMine): the caller's proposals under their OPENID and offline keys, newest first.
      { name: 'authorKey_created', keys: { authorKey: 1, createdAt: -1 } },
      // The workers' public list (proposal.list): proposals past moderation, newest first.
      { name: 'moderation_created', keys: { moderation: 1, createdAt: -1 } },
      // Screening ranks a window's proposals of a subtree by their supporters (proposal.screen).
      { name: 'orgPath_window_backers', keys: { orgPath: 1, windowId: 1, backerCount: -1 } },
      // …and by the other sorts of the screening list (附议人数, 相似建议数, 需求迫切度, 办结条件), newest first
      // among equals.
      { name: 'orgPath_window_supports', keys: { orgPath: 1, windowId: 1, supportCount: -1, createdAt: -1 } },
      { name: 'orgPath_window_similar', keys: { orgPath: 1, windowId: 1, similarCount: -1, createdAt: -1 } },
      { name: 'orgPath_window_urgency', keys: { orgPath: 1, windowId: 1, 'scores.urgency': -1, createdAt: -1 } },
      {
        name: 'orgPath_window_feasibility',
        keys: { orgPath: 1, windowId: 1, 'scores.feasibility': -1, createdAt: -1 },
      },
      // Similar lookup: proposals holding any of a query's rarest grams (multikey).
      { name: 'grams_window', keys: { grams: 1, windowId: 1 } },
      // Content review queue.
      { name: 'review_orgPath', keys: { needsReview: 1, orgPath: 1 } },
      // Image check verdicts (mediaCheckAsync) find their proposal by trace id.
      { name: 'attachment_trace', keys: { 'attachments.traceId': 1 } },
      // Proposals linked to one as similar when they were sent (multikey): an edit or a withdrawal
      // takes its links out of their similarCount (proposal.edit, proposal.withdraw).
      { name: 'similarIds', keys: { similarIds: 1 } },
    ],
  },
  // Image verdicts that arrived before their proposal was stored; _id = trace id (applied, then removed).
  { name: 'mediaVerdicts', indexes: [] },
  {
    name: 'collectWindows',
    indexes: [
      { name: 'org_opens', keys: { orgId: 1, opensAt: 1 }, unique: true },
      // 征集期列表 for staff: the windows of every org in their subtree (multikey over the running org's path).
      { name: 'orgPath_opens', keys: { orgPath: 1, opensAt: -1 } },
    ],
  },
  {
    name: 'supports',
    // _id is `${proposalId}_${openid}`: a repeated or concurrent 附议 stores one.
    indexes: [
      { name: 'proposal_created', keys: { proposalId: 1, createdAt: 1 } },
      { name: 'supporter', keys: { openid: 1, proposalId: 1 } },
      // Settling (proposal/supportCounting.ts) reads the supports created since its watermark.
      { name: 'created', keys: { createdAt: 1 } },
    ],
  },
  // Settling watermarks: _id = what is settled (`supports`), `upTo` = everything before it is counted.
  { name: 'watermarks', indexes: [] },
  // People credited to a kept proposal that has others merged into it; _id `${rootId}_${person}`.
  { name: 'credits', indexes: [{ name: 'root', keys: { rootId: 1 } }] },
  // Document frequency of each term per window (similarity IDF); _id = k = `${windowId}|${term}`.
  { name: 'gramStats', indexes: [{ name: 'key', keys: { k: 1 } }] },
  {
    name: 'projects',
    indexes: [
      // Staff lists: the projects a node reaches (applicant path + routed departments), newest change
      // first; with a year, by year.
      { name: 'reach_updated', keys: { reach: 1, updatedAt: -1 } },
      { name: 'reach_year_updated', keys: { reach: 1, year: -1, updatedAt: -1 } },
      // 待论证/待审定 in a department's work queue.
      { name: 'status_departments', keys: { status: 1, departmentIds: 1 } },
      // Reminders and overdue flags: projects whose mid-term form is not in yet, by due instant.
      { name: 'midterm_due', keys: { midtermOpen: 1, midtermDueAt: 1 } },
      // A year's projects still owing the mid-term form (when the year's due day changes).
      { name: 'year_midterm', keys: { year: 1, midtermOpen: 1 } },
    ],
  },
  // Frozen versions of a project's record (附件1); _id `${projectId}_v${n}`.
  { name: 'projectVersions', indexes: [{ name: 'project', keys: { projectId: 1, version: 1 } }] },
  // 附件2–4 as filed; _id `${projectId}_${kind}_v${n}`: one filing per version.
  {
    name: 'projectForms',
    indexes: [
      { name: 'project', keys: { projectId: 1, submittedAt: 1 } },
      // 待我签署: forms whose pending step is signed at a node by a role.
      { name: 'pending', keys: { pendingOrgId: 1, pendingRole: 1, submittedAt: 1 } },
      // 退回待修改: returned forms of a unit's subtree.
      { name: 'returned_orgPath', keys: { status: 1, orgPath: 1 } },
    ],
  },
  // Committee meetings (党组会 / 常委会 / 全委会 / 市总党组会) and the projects each decided.
  { name: 'committeeDecisions', indexes: [{ name: 'projects', keys: { projectIds: 1 } }] },
  // Subsidy tranches; _id `${projectId}_${n}`: a tranche can be recorded once only.
  { name: 'tranches', indexes: [{ name: 'project', keys: { projectId: 1 } }] },
  // Spending lines of a project (actual use; the project keeps the sums with _.inc).
  { name: 'projectSpending', indexes: [{ name: 'project', keys: { projectId: 1, date: 1 } }] },
  // Progress reports (第五条（六）): a project's reports newest first; 待我办理: reports of projects routed
  // to a department that nobody there has replied to yet.
  {
    name: 'projectReports',
    indexes: [
      { name: 'project_created', keys: { projectId: 1, createdAt: -1 } },
      // The project page: its announcements shown to the caller, newest first.
      { name: 'project_published', keys: { projectId: 1, publishedAt: -1 } },
      { name: 'department_awaiting', keys: { departmentId: 1, awaitingReply: 1, createdAt: -1 } },
    ],
  },
  // 现场座谈 (forum); _id `${projectId}_f${n}`. A project's forums, newest first (forum.list); the
  // figures of many projects at once (common/forums.ts: projectId $in).
  { name: 'projectForums', indexes: [{ name: 'project_date', keys: { projectId: 1, date: -1, createdAt: -1 } }] },
  // Settings of a programme year (mid-term due day); _id = the year.
  { name: 'programmeYears', indexes: [] },
  // Deadline reminders sent; _id `${projectId}_${what}`: each is sent once.
  { name: 'projectReminders', indexes: [] },
  // 公告 (announce): a project's plan and later news to its audience. `feedKeys` holds the audience keys
  // (`<orgId>` or `<orgId>|<group>`) while the announcement is shown to workers, [] while held or
  // withdrawn: a worker's feed is one `$in` over the keys of their org path (and groups), newest first.
  {
    name: 'announcements',
    indexes: [
      { name: 'feed', keys: { feedKeys: 1, publishedAt: -1 } },
      // A project's announcements (staff list, stats; the plan is `${projectId}_plan`).
      { name: 'project_created', keys: { projectId: 1, createdAt: -1 } },
      // Image-check verdicts (security.mediaCheckAsync) delivered to the proposal function's message push.
      { name: 'images_trace', keys: { 'images.traceId': 1 } },
    ],
  },
  // Who opened an announcement; _id `${announcementId}_${openid}`: one per worker (unread marks, reached).
  { name: 'announcementReads', indexes: [{ name: 'announcement', keys: { announcementId: 1 } }] },
  // 关注: _id `${projectId}_${openid}`; followers of a project (push), what a worker follows.
  {
    name: 'projectFollows',
    indexes: [
      { name: 'project', keys: { projectId: 1 } },
      { name: 'person_created', keys: { openid: 1, createdAt: -1 } },
    ],
  },
  // 知晓度: unique viewers of a project page; _id `${projectId}_${openid}`.
  { name: 'projectViews', indexes: [{ name: 'project', keys: { projectId: 1 } }] },
  // Counters of unique events (project viewers, announcement readers) in shards `${counterId}_${k}`,
  // read by _id; each shard's sum equals a recompute of the events (cloudfunctions/common/uniqueCount.ts).
  // kpi.dashboard reads the viewer counters of a year's projects by counterId (one aggregate, not 8 ids each).
  { name: 'counterShards', indexes: [{ name: 'counter', keys: { counterId: 1 } }] },
  { name: 'auditLog', indexes: [{ name: 'target', keys: { targetId: 1, at: -1 } }] },
  { name: 'messages', indexes: [{ name: 'recipient', keys: { openid: 1, createdAt: -1 } }] },
  // Push (cloudfunctions/common/push.ts). The grant ledger, _id `${openid}_${templateId}`: one-time grants
  // left and the long-term grant (push.ledger reads a person's rows).
  { name: 'pushGrants', indexes: [{ name: 'person', keys: { openid: 1 } }] },
  // Queue items, _id = the enqueue key (idempotent): the drain picks waiting ones oldest first;
  // cancelPushes / pushStats find a source's.
  {
    name: 'pushQueue',
    indexes: [
      { name: 'status_created', keys: { status: 1, createdAt: 1 } },
      { name: 'source', keys: { sourceKey: 1, status: 1 } },
    ],
  },
  // Per-worker sends, _id `${item}_${openid}`: the drain's due rows (status + nextAt, also a claim's
  // lease), a source's counts by status (pushStats) and its pending rows (cancelPushes).
  {
    name: 'pushSends',
    indexes: [
      { name: 'status_next', keys: { status: 1, nextAt: 1 } },
      { name: 'source_status', keys: { sourceKey: 1, status: 1 } },
    ],
  },
  // 需求调查: definitions (audience org first: open surveys of a worker's path; staff lists of a subtree).
  {
    name: 'surveys',
    indexes: [
      { name: 'audience_status', keys: { audienceOrgId: 1, status: 1 } },
      { name: 'audiencePath_updated', keys: { audiencePath: 1, updatedAt: -1 } },
      // Open surveys for a worker (survey.listOpen): their orgs' surveys in a state, closing latest first.
      { name: 'audience_status_closes', keys: { audienceOrgId: 1, status: 1, closesAt: -1 } },
      // Staff's survey list (survey.listMine), the branch on the audience org: latest change first.
      { name: 'audience_status_updated', keys: { audienceOrgId: 1, status: 1, updatedAt: -1 } },
    ],
  },
  // Counter shards of a survey, _id `${surveyId}_${k}`: `_.inc` right after an answer is stored
  // (cloudfunctions/survey/counting.ts).
  { name: 'surveyCounters', indexes: [{ name: 'survey', keys: { surveyId: 1 } }] },
  {
    name: 'surveyAnswers',
    indexes: [
      // respondentKey: OPENID (named), HMAC of it (anonymous), or the offline worker's key: one answer each.
      { name: 'survey_respondent', keys: { surveyId: 1, respondentKey: 1 }, unique: true },
      { name: 'survey_created', keys: { surveyId: 1, createdAt: -1 } },
      // Export pages through each counter shard's answers by _id (keyset): every page is one index range.
      { name: 'shard_id', keys: { shard: 1, _id: 1 } },
      // Settling lists a shard's answers of a time range (those a dead submission left uncounted).
      { name: 'shard_created', keys: { shard: 1, createdAt: 1 } },
    ],
  },
  // A survey's results cited for a proposal or project; _id `${surveyId}_${targetType}_${targetId}`.
  {
    name: 'surveyEvidence',
    indexes: [
      { name: 'target', keys: { targetType: 1, targetId: 1 } },
      // A survey's citations (shown with its results, checked when it is edited or closed).
      { name: 'survey', keys: { surveyId: 1 } },
    ],
  },
  // 服务点 of a project (checkin.createPoint); a project's points in the order they were made.
  { name: 'servicePoints', indexes: [{ name: 'project_created', keys: { projectId: 1, createdAt: 1 } }] },
  // One check-in or on-site registration per person, project and business day: _id
  // `${projectId}_${day}_${personHash}` (a repeat, also 1,000 concurrent ones, is a duplicate key);
  // imported list rows `${projectId}_list_${personHash}`. Per-day and recompute reads by project.
  {
    name: 'checkins',
    indexes: [
      { name: 'project_day', keys: { projectId: 1, day: 1 } },
      // The settling timer (checkin/settle.ts) reads the records stored since its watermark.
      { name: 'at', keys: { at: 1 } },
    ],
  },
  // Directly served people of a project, 8 shards `${projectId}_${k}`: `n` and a mark `m.<personHash>`
  // per person, set together by one conditional update (cloudfunctions/checkin/served.ts).
  { name: 'servedCounters', indexes: [{ name: 'project', keys: { projectId: 1 } }] },
  // 绩效评估 signals (cloudfunctions/kpi): an org's thresholds of a year, _id `${year}_${orgId}` (read by _id
  // along the project's path); staff's accepted or overridden signal of a project, _id = the project id.
  { name: 'kpiThresholds', indexes: [] },
  { name: 'kpiSignalDecisions', indexes: [] },
  // The check-in code secret when no CHECKIN_CODE_SECRET is set.
  { name: 'checkinSecrets', indexes: [] },
  // Posters' 小程序码 (wxacode.getUnlimited), one stored PNG per page and scene: _id = a hash of both, read by
  // _id only (cloudfunctions/common/miniCode.ts).
  { name: 'miniCodes', indexes: [] },
  // The respondent-key secret when no SURVEY_RESPONDENT_SECRET is set (never next to the answers).
  { name: 'surveySecrets', indexes: [] },
  // 职工评价 (cloudfunctions/rating): one rating per worker per project, anonymous — no OPENID or name, the
  // worker's keyed hash `key` (HMAC under the survey respondent secret) is unique per project, so 1,000
  // concurrent identical ratings store one. The settling timer reads ratings by `at` (last change).
  {
    name: 'ratings',
    indexes: [
      { name: 'project_key', keys: { projectId: 1, key: 1 }, unique: true },
      { name: 'at', keys: { at: 1 } },
      // rating.comments: a project's passed (or held) comments, newest first.
      { name: 'project_comments', keys: { projectId: 1, commentState: 1, at: -1 } },
    ],
  },
  // A project's rating counters, 8 shards `${projectId}_${k}`: `c` counts, `vt` and marks `m.<ratingId>`
  // (cloudfunctions/rating/counting.ts); read by summary and common/ratings.ts ratingFigures.
  { name: 'ratingCounters', indexes: [{ name: 'project', keys: { projectId: 1 } }] },
  // Rating settings of a project (_id = projectId): opening day, who may rate.
  // The opening day's invitations (rating/commands/configure.ts inviteOnOpening): settings not yet invited.
  { name: 'ratingSettings', indexes: [{ name: 'invited_opens', keys: { invitedOn: 1, opensOn: 1 } }] },
  // Invitations sent (_id `${projectId}_${hash}`, the hash keyed like a rating's): each person once.
  { name: 'ratingInvites', indexes: [] },
  // Long jobs run as resumable batches (cloudfunctions/common/jobs.ts): a caller's live job of a kind and
  // target (start joins it rather than starting another); the timer's abandoned jobs (lease run out).
  {
    name: 'jobs',
    indexes: [
      { name: 'owner_kind_target', keys: { owner: 1, kind: 1, target: 1, status: 1 } },
      { name: 'status_lease', keys: { status: 1, leaseUntil: 1 } },
    ],
  },
] as const satisfies readonly CollectionDeclaration[];

export type CollectionName = (typeof collections)[number]['name'];
