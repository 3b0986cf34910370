import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { businessDate, questionsInOrder, type GetSurveyOutput, type Profile } from '@shishi/shared-types';
import { AppButton, Badge, Empty, ErrorBlock, Loading, Notice } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { useGrassrootsGroups } from '../../../../features/org/hooks';
import { StaffOnly } from '../../../../features/profile';
import { fetchOpenSurveys, fetchSurvey } from '../../../../features/survey/api';
import { emptyState, previewSurvey, type EditorState } from '../../../../features/survey/builder/model';
import { StartPicker } from '../../../../features/survey/builder/StartPicker';
import { SurveyPreview } from '../../../../features/survey/preview/SurveyPreview';
import { OrgSheet } from '../../../../features/survey/builder/OrgSheet';
import { SectionsEditor } from '../../../../features/survey/builder/SectionsEditor';
import { SettingsForm } from '../../../../features/survey/builder/SettingsForm';
import { useSurveyEditor } from '../../../../features/survey/builder/useSurveyEditor';
import { phaseMeta } from '../../../../features/survey/labels';
import { surveyResultsUrl } from '../../../../features/survey/routes';
import '../../../../components/ChipGroup/index.scss';
import '../../../../components/FormField/index.scss';
import '../../../../features/survey/builder/builder.scss';
import { withFontScale } from '../../../../components/FontScale';

/** 新建 / 编辑问卷 (staff, `?id=` to edit): settings, pages and questions with display logic. */
function SurveyEditPage() {
  return <StaffOnly>{(profile) => <Loader profile={profile} />}</StaffOnly>;
}

function Loader({ profile }: { profile: Profile }) {
  const id = useRouter().params.id;
  // A new survey starts from a blank page, a template or a copy (问卷星's 新建).
  const [start, setStart] = useState<EditorState | null>(null);
  const data = useResource(async () => {
    if (id) return { got: await fetchSurvey(id), now: null };
    // The server's clock gives today's date (Asia/Shanghai) for the default dates.
    return { got: null, now: (await fetchOpenSurveys()).now };
  }, [id]);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑问卷' : '新建问卷' });
  }, [id]);
  if (data.error) return <ErrorBlock error={data.error} onRetry={data.reload} />;
  if (data.loading || !data.data) return <Loading />;
  const { got, now } = data.data;
  if (got && !got.manage) {
    return (
      <Empty
        text="这份问卷不在您的管理范围内，不能修改。"
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    );
  }
  const today = now ? new Date(now) : new Date();
  const defaults = emptyState(
    profile.orgId,
    businessDate(today),
    businessDate(new Date(today.getTime() + 14 * 86_400_000)),
  );
  if (!got && !start) return <StartPicker blank={defaults} onStart={setStart} />;
  return <Editor profile={profile} initial={got} defaults={start ?? defaults} />;
}

function Editor({
  profile,
  initial,
  defaults,
}: {
  profile: Profile;
  initial: GetSurveyOutput | null;
  defaults: ReturnType<typeof emptyState>;
}) {
  const editor = useSurveyEditor(initial, defaults);
  const tree = useGrassrootsGroups();
  const [orgSheet, setOrgSheet] = useState(false);
  const { saved, notice, busy } = editor;
  const manage = saved?.manage ?? null;
  const answersExist = manage?.answersExist ?? false;
  // Questions that were there when answers came in: only safe changes are offered for them.
  const answeredIds = useMemo(
    () => new Set(answersExist && saved ? questionsInOrder(saved.survey.sections).map((x) => x.question.id) : []),
    [answersExist, saved],
  );
  const status = saved?.survey.status ?? 'draft';
  const closed = status === 'closed' || (manage !== null && !manage.canEdit);
  const meta = phaseMeta(saved?.survey.phase ?? 'draft');
  const [preview, setPreview] = useState(false);
  const openPreview = () => {
    setPreview(true);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (preview) {
    return (
      <SurveyPreview
        survey={previewSurvey(editor.state, saved?.survey ?? null)}
        onClose={() => {
          setPreview(false);
          void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
        }}
      />
    );
  }

  return (
    <View className="page se">
      <View className="se__status" id="se-status">
        <Badge label={saved ? meta.label : '新问卷'} tone={saved ? meta.tone : 'neutral'} />
        <Text>
          {saved
            ? `${manage ? `已收到 ${manage.responses} 份答卷 · ` : ''}${editor.dirty ? '有未保存的修改' : '已保存'}`
            : '还没有保存'}
        </Text>
      </View>
      {manage?.editNotice ? <Notice id="se-edit-notice" tone="warning" text={manage.editNotice} /> : null}
      {notice ? (
        <View className="se-notice" id="se-error">
          <Text className="se-notice__title">{notice.title}</Text>
          <Text className="se-notice__text">{notice.message}</Text>
          {notice.items.map((m, k) => (
            <Text key={k} className="se-notice__item">
              · {m}
            </Text>
          ))}
          {notice.conflict ? (
            <AppButton
              id="se-reload"
              className="se-small-btn"
              onClick={() =>
                void Taro.redirectTo({ url: `/packages/survey/pages/edit/index?id=${saved?.survey._id ?? ''}` })
              }
            >
              重新载入
            </AppButton>
          ) : null}
        </View>
      ) : null}
      <SettingsForm
        editor={editor}
        orgs={tree.data?.orgs ?? []}
        orgName={saved?.survey.audience.orgName ?? profile.orgName}
        onOpenOrgs={() => setOrgSheet(true)}
        answersExist={answersExist}
      />
      <View className="se__questions-head">
        <Text className="section-title" id="se-question-count">
          题目（共 {editor.state.sections.reduce((n, s) => n + s.questions.length, 0)} 题）
        </Text>
        <AppButton id="se-preview-open" className="se-small-btn" onClick={openPreview}>
          预览
        </AppButton>
      </View>
      <SectionsEditor editor={editor} answeredIds={answeredIds} />

      {!closed ? (
        <View className="se__bar">
          {saved && status !== 'draft' ? (
            <AppButton
              id="se-results"
              className="se__bar-side"
              onClick={() => void Taro.navigateTo({ url: surveyResultsUrl(saved.survey._id) })}
            >
              查看结果
            </AppButton>
          ) : null}
          <AppButton
            id="se-save"
            kind={status === 'draft' ? 'default' : 'primary'}
            className="se__bar-side"
            loading={busy === 'save'}
            onClick={() => void editor.save()}
          >
            {busy === 'save' ? '正在保存…' : status === 'draft' ? '保存草稿' : '保存修改'}
          </AppButton>
          {status === 'draft' ? (
            <AppButton
              id="se-publish"
              kind="primary"
              className="se__bar-main"
              loading={busy === 'publish'}
              onClick={() => void editor.publish()}
            >
              {busy === 'publish' ? '正在发布…' : '发布'}
            </AppButton>
          ) : null}
        </View>
      ) : null}
      {orgSheet ? (
        <OrgSheet
          orgs={tree.data?.orgs ?? []}
          rootId={profile.orgId}
          value={editor.state.orgId}
          onPick={(orgId) => {
            editor.set('orgId', orgId);
            editor.set('industryOrgIds', []);
            setOrgSheet(false);
          }}
          onClose={() => setOrgSheet(false)}
        />
      ) : null}
    </View>
  );
}

export default withFontScale(SurveyEditPage);
