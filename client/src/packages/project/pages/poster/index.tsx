import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Empty, ErrorBlock, Loading } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { fetchCheckinSummary, fetchPointCode } from '../../../../features/checkin/api';
import { dateSpan } from '../../../../features/checkin/labels';
import { PosterTools } from '../../../../features/checkin/PosterTools';
import { projectDetailUrl } from '../../../../features/project/routes';
import '../../../../features/checkin/checkin.scss';

/**
 * 海报 `?id=<projectId>[&point=<pointId>]` (staff): a service point's check-in poster (its signed
 * code opens the check-in page) or the project's poster (opens the project page), to print.
 */
function PosterPage() {
  return <StaffOnly>{() => <Poster />}</StaffOnly>;
}

function Poster() {
  const params = useRouter().params;
  const id = decodeURIComponent(params.id ?? '');
  const pointId = params.point ? decodeURIComponent(params.point) : '';
  const got = useResource(
    async () =>
      pointId
        ? { code: await fetchPointCode(pointId), summary: null }
        : { code: null, summary: await fetchCheckinSummary(id, true) },
    [id, pointId],
  );
  if (!id)
    return (
      <Empty text="没有找到这个项目，链接可能不完整。" actionText="返回" onAction={() => void Taro.navigateBack()} />
    );
  if (got.error) return <ErrorBlock error={got.error} onRetry={got.reload} />;
  if (got.loading || !got.data) return <Loading text="正在生成海报…" />;
  const { code, summary } = got.data;
  if (code) {
    const p = code.point;
    return (
      <View className="page">
        <PosterTools
          kicker="为职工办实事 · 服务点签到"
          title={code.projectTitle}
          path={code.path}
          action="到场扫码签到"
          lines={[
            `地点：${p.name}，${p.address}`,
            `时间：${dateSpan(p.startDate, p.endDate)}，${p.hours}`,
            `联系：${p.contact}`,
          ]}
          miniCodeUrl={code.miniCodeUrl}
          fileName={`签到海报-${p.name}`}
        />
      </View>
    );
  }
  const s = summary!;
  const places = s.points.map((p) => p.name).join('、');
  return (
    <View className="page">
      <PosterTools
        kicker="为职工办实事 · 项目公告"
        title={s.projectTitle}
        path={projectDetailUrl(s.projectId).replace(/^\//, '')}
        action="扫码查看项目"
        lines={[
          ...(s.startDate || s.endDate ? [`时间：${dateSpan(s.startDate, s.endDate)}`] : []),
          places ? `地点：${places}` : '地点：服务点确定后在项目页公布',
          '扫码看服务内容、服务点和签到方式',
        ]}
        miniCodeUrl={s.miniCodeUrl}
        fileName={`项目海报-${s.projectTitle}`}
      />
    </View>
  );
}

export default withFontScale(PosterPage);
