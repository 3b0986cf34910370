import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { AppButton, Card, Empty, ErrorBlock, Loading } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { fetchCheckinSummary } from '../../../../features/checkin/api';
import { ImportList } from '../../../../features/checkin/ImportList';
import { dateSpan, servedLine } from '../../../../features/checkin/labels';
import { PointForm } from '../../../../features/checkin/PointForm';
import { RegisterForm } from '../../../../features/checkin/RegisterForm';
import { checkinPosterUrl } from '../../../../features/checkin/routes';
import '../../../../features/checkin/checkin.scss';

/**
 * 服务点与签到 `?id=<projectId>` (staff of the project): directly served against the target, per point
 * and per day; the points with their posters; a new point; on-site registration; list import.
 */
function CheckinManagePage() {
  return <StaffOnly>{() => <Manage />}</StaffOnly>;
}

function Manage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const got = useResource(() => fetchCheckinSummary(id), [id]);
  usePullDownRefresh(() => {
    void got.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  if (!id)
    return (
      <Empty text="没有找到这个项目，链接可能不完整。" actionText="返回" onAction={() => void Taro.navigateBack()} />
    );
  if (got.error) return <ErrorBlock error={got.error} onRetry={got.reload} />;
  if (got.loading || !got.data) return <Loading text="正在读取服务点和签到…" />;
  const s = got.data;
  if (!s.canManage)
    return (
      <Empty
        text="只有项目所在单位（及上级）的工作人员可以管理这个项目的服务点和签到。"
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    );
  const refresh = () => void got.refresh();
  const poster = (pointId?: string) => void Taro.navigateTo({ url: checkinPosterUrl(id, pointId) });
  return (
    <View className="page">
      <Card title={s.projectTitle} id="checkin-figures">
        <View className="ck-figure">
          <Text className="ck-figure__num" id="checkin-served-count">
            {s.served}
          </Text>
          <Text className="ck-figure__of">{s.target ? `/ ${s.target} 人 直接服务职工` : '人 直接服务职工'}</Text>
        </View>
        {s.target ? (
          <View className="ck-bar">
            <View className="ck-bar__fill" style={{ width: `${Math.min(100, (s.served * 100) / s.target)}%` }} />
          </View>
        ) : null}
        <Text className="ck-hint">{servedLine(s.served, s.target)}</Text>
        <Text className="ck-hint">
          扫码签到、现场登记和导入名单里的人合在一起，同一单位同一姓名只算一次。名单导入 {s.imported} 人。
        </Text>
        {s.days.length ? (
          <View className="ck-table" id="checkin-days">
            {s.days.slice(-14).map((d) => (
              <View className="ck-table__row" key={d.day}>
                <Text>{d.day}</Text>
                <Text>{d.count} 人次</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className="ck-hint">还没有人签到或登记。</Text>
        )}
      </Card>

      <Card title="服务点" id="checkin-points">
        {s.points.length === 0 ? (
          <Text className="ck-hint">还没有服务点。在下面新建一个，打印它的海报张贴在现场，职工扫码签到。</Text>
        ) : (
          s.points.map((p) => (
            <View className="ck-point" key={p._id} id={`manage-point-${p._id}`}>
              <Text className="ck-point__name">{p.name}</Text>
              <Text className="ck-point__line">
                {p.address} · {dateSpan(p.startDate, p.endDate)} · {p.hours}
              </Text>
              <Text className="ck-point__line">
                联系：{p.contact} · 已签到和登记 {p.checkins} 人次
              </Text>
              <View className="ck-point__actions">
                <AppButton id={`poster-${p._id}`} onClick={() => poster(p._id)}>
                  签到海报
                </AppButton>
              </View>
            </View>
          ))
        )}
        <View className="ck-actions">
          <AppButton id="project-poster" block onClick={() => poster()}>
            项目海报
          </AppButton>
        </View>
      </Card>

      <PointForm projectId={id} dates={dateSpan(s.startDate, s.endDate)} onCreated={refresh} />
      <RegisterForm projectId={id} points={s.points} onDone={refresh} />
      <ImportList projectId={id} onDone={refresh} />
    </View>
  );
}

export default withFontScale(CheckinManagePage);
