/**
 * The project page's 服务点与签到 block: the service points (where, when, whom to call), directly served
 * against the target, a 签到 button (weapp scans the point's code; in a browser the phone's camera
 * opens the poster's link) and, for staff of the project, the way to manage points and posters.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { checkinStatuses, type ProjectStatus } from '@shishi/shared-types';
import { AppButton, Card, ErrorBlock, Loading } from '../../components';
import { useResource } from '../../hooks/useResource';
import { showError } from '../../utils/feedback';
import { fetchCheckinSummary } from './api';
import { dateSpan, servedLine } from './labels';
import { canScan, scanPointCode } from './scanCode';
import { checkinManageUrl, checkinUrl } from './routes';
import './checkin.scss';

export function CheckinPanel({ projectId, status }: { projectId: string; status: ProjectStatus }) {
  const open = checkinStatuses.includes(status);
  const got = useResource(() => fetchCheckinSummary(projectId), [projectId]);
  if (got.error) {
    // Not open to this person (a draft for a worker): the page already says so.
    if (got.error.code === 'FORBIDDEN') return null;
    return <ErrorBlock error={got.error} onRetry={got.reload} />;
  }
  if (got.loading || !got.data) return <Loading text="正在读取服务点…" />;
  const s = got.data;
  if (!open && s.points.length === 0 && !s.canManage) return null;

  const scan = async () => {
    try {
      const code = await scanPointCode();
      if (code) await Taro.navigateTo({ url: `${checkinUrl(code)}&p=${encodeURIComponent(projectId)}` });
    } catch (e) {
      showError(e, '扫码没有成功');
    }
  };

  return (
    <Card title="服务点与签到" id="checkin-panel">
      <View className="ck-figure" id="checkin-served">
        <Text className="ck-figure__num">{s.served}</Text>
        <Text className="ck-figure__of">人已直接受益</Text>
      </View>
      {s.target ? (
        <View className="ck-bar">
          <View className="ck-bar__fill" style={{ width: `${Math.min(100, (s.served * 100) / s.target)}%` }} />
        </View>
      ) : null}
      <Text className="ck-hint">{servedLine(s.served, s.target)}</Text>
      {s.points.length === 0 ? (
        <Text className="ck-hint" id="checkin-no-points">
          {open
            ? '这个项目还没有设服务点。设好后，这里会列出地点和时间，职工到场扫码签到。'
            : '项目发布后，工作人员会在这里列出服务点的地点和时间。'}
        </Text>
      ) : (
        s.points.map((p) => (
          <View className="ck-point" key={p._id} id={`checkin-point-${p._id}`}>
            <Text className="ck-point__name">{p.name}</Text>
            <Text className="ck-point__line">地点：{p.address}</Text>
            <Text className="ck-point__line">
              时间：{dateSpan(p.startDate, p.endDate)}，{p.hours}
            </Text>
            <Text className="ck-point__line">联系：{p.contact}</Text>
          </View>
        ))
      )}
      <View className="ck-actions">
        {open && s.points.length > 0 ? (
          canScan ? (
            <AppButton id="checkin-scan" kind="primary" block onClick={() => void scan()}>
              签到（扫服务点的码）
            </AppButton>
          ) : (
            <Text className="ck-hint" id="checkin-how">
              签到：到服务点后，用微信或手机相机扫现场海报上的二维码。
            </Text>
          )
        ) : null}
        {s.canManage ? (
          <AppButton
            id="checkin-manage"
            block
            onClick={() => void Taro.navigateTo({ url: checkinManageUrl(projectId) })}
          >
            管理服务点、海报和登记
          </AppButton>
        ) : null}
      </View>
    </Card>
  );
}
