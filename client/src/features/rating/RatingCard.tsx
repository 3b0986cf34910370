/**
 * 职工评价 on the project page, for everyone: 去评价 / 修改我的评价 while rating is open and the reader
 * may rate, what they gave, and the public summary once the project has 5 ratings (fewer: a line
 * saying when it will show). Staff's full summary, settings and export are RatingStaffSection.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Project } from '@shishi/shared-types';
import {
  ratingConfigurableStatuses,
  ratingDimensionLabels,
  ratingDimensions,
  ratingScoreWord,
} from '@shishi/shared-types/src/rules/rating';
import { AppButton, Card, ErrorBlock, Loading } from '../../components';
import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource } from '../../hooks/useResource';
import { fetchMyRating, fetchRatingSummary } from './api';
import { editLine } from './labels';
import { RatingFigures } from './RatingFigures';
import { ratingUrl } from './routes';
import { cardStateLine } from './states';
import './rating.scss';

/** States in which the card shows: from publication (rating may be announced) to 结项. */
const shownIn: readonly string[] = [...ratingConfigurableStatuses, 'closed'];

export function RatingCard({ project }: { project: Project }) {
  if (!shownIn.includes(project.status)) return null;
  return <RatingCardBody projectId={project._id} />;
}

function RatingCardBody({ projectId }: { projectId: string }) {
  const mine = useResource(() => fetchMyRating(projectId), [projectId]);
  const summary = useResource(() => fetchRatingSummary(projectId), [projectId]);
  // Back from the rating page: show the new rating and count.
  useOnReshow(() => {
    void mine.refresh();
    void summary.refresh();
  });

  const error = mine.error ?? summary.error;
  if (error) {
    // Not open to this reader (a project outside their scope, no profile yet): the page already says so.
    if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.code === 'PROFILE_REQUIRED') return null;
    return (
      <Card title="职工评价" id="rating-card">
        <ErrorBlock
          error={error}
          onRetry={() => {
            mine.reload();
            summary.reload();
          }}
        />
      </Card>
    );
  }
  if (!mine.data || !summary.data) return <Loading text="正在读取职工评价…" />;
  const m = mine.data;
  const s = summary.data;
  const own = m.rating;
  const settings = m.settings;
  // Figures (or when they will show) only once rating has been opened.
  const opened = settings.opensOn !== null;

  return (
    <Card title="职工评价" id="rating-card">
      <Text className="rt-hint" id="rating-card-state">
        {cardStateLine(settings)}
      </Text>

      {own ? (
        <View className="rt-mine" id="rating-card-mine">
          <Text className="rt-mine__title">我的评价</Text>
          {ratingDimensions.map((d) => (
            <Text key={d} className="rt-mine__line" id={`rating-card-mine-${d}`}>
              {ratingDimensionLabels[d]}：{own.scores[d]} 分（{ratingScoreWord(d, own.scores[d])}）
            </Text>
          ))}
          {m.canSubmit && own.editable ? (
            <Text className="rt-hint" id="rating-card-editable">
              {editLine(own.editableUntil)}
            </Text>
          ) : null}
        </View>
      ) : null}

      {m.canSubmit ? (
        <AppButton
          id="rating-go"
          kind="primary"
          block
          onClick={() => void Taro.navigateTo({ url: ratingUrl(projectId) })}
        >
          {own ? '修改我的评价' : '去评价'}
        </AppButton>
      ) : settings.open && !m.eligible && m.ineligibleReason ? (
        <Text className="rt-hint" id="rating-card-ineligible">
          {m.ineligibleReason}
        </Text>
      ) : null}

      {opened ? (
        <View className="rt-public" id="rating-card-summary">
          {s.count >= s.minShown && s.dimensions.length > 0 ? (
            <>
              <Text className="rt-public__count" id="rating-card-count">
                共 {s.count} 人评价
              </Text>
              <RatingFigures dimensions={s.dimensions} idPrefix="rating-card-dim" />
            </>
          ) : (
            <Text className="rt-hint" id="rating-card-pending">
              评价满 {s.minShown} 人后公布结果{s.count > 0 ? `（现在有 ${s.count} 人评价）` : ''}。
            </Text>
          )}
        </View>
      ) : null}
      <Text className="rt-anon">评价不记名，工会只看到汇总。</Text>
    </Card>
  );
}
