import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { OwnRating, RatingMineOutput, RatingSubmitOutput } from '@shishi/shared-types/src/contracts/rating';
import { ratingDimensionLabels, ratingDimensions, ratingScoreWord } from '@shishi/shared-types/src/rules/rating';
import { AppButton, Card, Empty, ErrorBlock, Loading } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { routes } from '../../../../config';
import { useResource } from '../../../../hooks/useResource';
import { fetchMyRating } from '../../../../features/rating/api';
import { commentStateText, editLine } from '../../../../features/rating/labels';
import { cannotRate } from '../../../../features/rating/states';
import { RateForm } from '../../../../features/rating/RateForm';
import { projectDetailUrl } from '../../../../features/project/routes';
import '../../../../features/rating/rating.scss';

/**
 * 评价项目 `?id=<projectId>` (from the project page's 职工评价 card): the worker rates the
 * project (知晓度, 参与度, 受益度, 满意度, 1–5 with their words, an optional comment); afterwards the
 * rating they gave, with 修改 for 7 days. Says plainly when they cannot rate and why.
 */
function RatePage() {
  const params = useRouter().params;
  let projectId = '';
  try {
    projectId = decodeURIComponent(params.id ?? '');
  } catch {
    projectId = '';
  }
  const mine = useResource(() => fetchMyRating(projectId), [projectId]);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<RatingSubmitOutput | null>(null);

  if (!projectId)
    return (
      <Empty
        text="这个链接不完整，找不到要评价的项目。请从项目页面点“去评价”。"
        actionText="回到首页"
        onAction={() => void Taro.reLaunch({ url: routes.home })}
      />
    );
  if (mine.error) return <ErrorBlock error={mine.error} onRetry={mine.reload} />;
  if (mine.loading || !mine.data) return <Loading text="正在打开评价…" />;
  const m = mine.data;

  const finished = (result: RatingSubmitOutput) => {
    setDone(result);
    setEditing(false);
    void mine.refresh();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  // Back to the project page when it opened this one (no second copy on the stack), else open it.
  const openProject = () => {
    const pages = Taro.getCurrentPages();
    const previous = pages.length > 1 ? (pages[pages.length - 2]?.route ?? '') : '';
    if (previous.includes('packages/project/pages/detail')) void Taro.navigateBack();
    else void Taro.navigateTo({ url: projectDetailUrl(projectId) });
  };
  const own = done?.rating ?? m.rating;

  return (
    <View className="page rt-page">
      <View className="rt-head">
        <Text className="rt-head__title" id="rate-project-title">
          {m.projectTitle}
        </Text>
        <Text className="rt-head__anon" id="rate-anonymous">
          评价不记名，工会只看到汇总。
        </Text>
      </View>
      {editing && own ? (
        <RateForm projectId={projectId} current={own} onDone={finished} onCancel={() => setEditing(false)} />
      ) : done ? (
        <Thanks
          result={done}
          canEdit={done.rating.editable && m.settings.open}
          onEdit={() => setEditing(true)}
          onOpen={openProject}
        />
      ) : own ? (
        <MyRating
          rating={own}
          canEdit={m.canSubmit && own.editable}
          onEdit={() => setEditing(true)}
          onOpen={openProject}
        />
      ) : m.canSubmit ? (
        <RateForm projectId={projectId} current={null} onDone={finished} />
      ) : (
        <Cannot mine={m} onOpen={openProject} />
      )}
    </View>
  );
}

function Thanks({
  result,
  canEdit,
  onEdit,
  onOpen,
}: {
  result: RatingSubmitOutput;
  canEdit: boolean;
  onEdit: () => void;
  onOpen: () => void;
}) {
  const title =
    result.status === 'updated'
      ? '评价已修改，谢谢您'
      : result.status === 'unchanged'
        ? '评价没有变化，已经保存过了'
        : '感谢您的评价！';
  return (
    <Card id="rate-thanks">
      <View className="rt-done">
        <Text className="rt-done__mark">✔</Text>
        <Text className="rt-done__title" id="rate-thanks-title">
          {title}
        </Text>
        <Text className="rt-hint">您的评价会帮助工会把实事办得更好。</Text>
        {canEdit ? (
          <Text className="rt-done__edit" id="rate-thanks-editable">
            {editLine(result.rating.editableUntil)}
          </Text>
        ) : null}
        {commentStateText[result.rating.commentState] ? (
          <Text className="rt-hint" id="rate-thanks-comment">
            {commentStateText[result.rating.commentState]}
          </Text>
        ) : null}
      </View>
      <View className="rt-actions">
        {canEdit ? (
          <AppButton id="rate-edit" block onClick={onEdit}>
            修改
          </AppButton>
        ) : null}
        <AppButton id="rate-open-project" kind="primary" block onClick={onOpen}>
          查看项目
        </AppButton>
      </View>
    </Card>
  );
}

function MyRating({
  rating,
  canEdit,
  onEdit,
  onOpen,
}: {
  rating: OwnRating;
  canEdit: boolean;
  onEdit: () => void;
  onOpen: () => void;
}) {
  return (
    <Card title="我的评价" id="rate-mine">
      {ratingDimensions.map((d) => (
        <View key={d} className="rt-given" id={`rate-mine-${d}`}>
          <Text className="rt-given__label">{ratingDimensionLabels[d]}</Text>
          <Text className="rt-given__value">
            {rating.scores[d]} 分 · {ratingScoreWord(d, rating.scores[d])}
          </Text>
        </View>
      ))}
      {rating.comment ? (
        <View className="rt-given rt-given--comment" id="rate-mine-comment">
          <Text className="rt-given__label">评价意见</Text>
          <Text className="rt-given__text">{rating.comment}</Text>
        </View>
      ) : null}
      {commentStateText[rating.commentState] ? (
        <Text className="rt-hint" id="rate-mine-comment-state">
          {commentStateText[rating.commentState]}
        </Text>
      ) : null}
      <Text className={canEdit ? 'rt-done__edit' : 'rt-hint'} id="rate-mine-editable">
        {canEdit ? editLine(rating.editableUntil) : '评价提交 7 天后不能再修改；评价结束后也不能修改。'}
      </Text>
      <View className="rt-actions">
        {canEdit ? (
          <AppButton id="rate-edit" kind="primary" block onClick={onEdit}>
            修改
          </AppButton>
        ) : null}
        <AppButton id="rate-open-project" block onClick={onOpen}>
          查看项目
        </AppButton>
      </View>
    </Card>
  );
}

/** Not eligible, not open yet, or closed: which, and why, in plain words. */
function Cannot({ mine: m, onOpen }: { mine: RatingMineOutput; onOpen: () => void }) {
  const { title, reason } = cannotRate(m);
  return (
    <Card id="rate-cannot">
      <Text className="rt-cannot__title" id="rate-cannot-title">
        {title}
      </Text>
      <Text className="rt-cannot__reason" id="rate-cannot-reason">
        {reason}
      </Text>
      <View className="rt-actions">
        <AppButton id="rate-open-project" block onClick={onOpen}>
          查看项目
        </AppButton>
      </View>
    </Card>
  );
}

export default withFontScale(RatePage);
