import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { withdrawAnnouncementInputSchema, type Announcement } from '@shishi/shared-types';
import {
  AppButton,
  Badge,
  Card,
  Empty,
  ErrorBlock,
  ImageGrid,
  Loading,
  Notice,
  TextField,
} from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { useResource } from '../../../../hooks/useResource';
import { fetchAnnouncement, viewProject, withdrawAnnouncement } from '../../../../features/announce/api';
import { FollowButton } from '../../../../features/announce/FollowButton';
import { manageUrl, publishUrl } from '../../../../features/announce/routes';
import { publishedLine } from '../../../../features/announce/time';
import { projectDetailUrl } from '../../../../features/project/routes';
import { toApiError } from '../../../../services/call';
import '../../../../components/FormField/index.scss';
import '../../../../features/announce/announce.scss';

const retryable: readonly string[] = ['NETWORK', 'INTERNAL'];

/**
 * 公告 `?id=<announcementId>`: a project's plan or news as workers read it (opening it marks it read),
 * with 关注; staff also see its state, why it is held, and 修改 / 撤回.
 */
function AnnouncementPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const a = useResource(() => fetchAnnouncement(id), [id]);
  usePullDownRefresh(() => void a.refresh().finally(() => void Taro.stopPullDownRefresh()));
  if (!id) {
    return (
      <Empty
        text="没有找到这条公告，链接可能不完整。"
        actionText="回到首页"
        onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
      />
    );
  }
  return (
    <View className="page ad" id="announcement-page">
      {a.error ? (
        <ErrorBlock error={a.error} onRetry={retryable.includes(a.error.code) ? a.reload : undefined} />
      ) : a.loading || !a.data ? (
        <Loading text="正在打开公告…" />
      ) : (
        <Body a={a.data} onChanged={() => void a.refresh()} />
      )}
    </View>
  );
}

function Body({ a, onChanged }: { a: Announcement; onChanged: () => void }) {
  const sections: Array<[string, string | null]> = [
    ['服务对象', a.serviceTargets],
    ['服务内容', a.serviceContent],
    ['工作流程', a.workflow],
    ['服务时间', a.time],
    ['服务地点', a.place],
    ['联系方式', a.contact],
  ];
  const images = a.images.map((i) => ({ key: i.fileID, src: i.url }));
  return (
    <View>
      <Card>
        <View className="pa__row-head">
          <Text className="pa__kind" id="announcement-kind">
            {a.kindLabel}
          </Text>
          {a.state !== 'shown' ? (
            <Badge label={a.stateLabel} tone={a.state === 'held' ? 'warning' : 'neutral'} />
          ) : null}
        </View>
        <Text className="ad__title" id="announcement-title">
          {a.title}
        </Text>
        <Text className="ad__meta" id="announcement-when">
          {publishedLine(a.publishedAt, a.editedAt)} · {a.byName}
        </Text>
        <Text
          className="ad__meta ad__project"
          id="announcement-project"
          onClick={() => void Taro.navigateTo({ url: projectDetailUrl(a.projectId) })}
        >
          项目：{a.projectTitle} ›
        </Text>
        {sections.map(([label, text]) =>
          text ? (
            <View className="ad__section" key={label}>
              <Text className="ad__label">{label}</Text>
              <Text className="ad__text">{text}</Text>
            </View>
          ) : null,
        )}
        {images.length > 0 ? (
          <ImageGrid
            id="announcement-images"
            images={images}
            onPreview={(i) => void Taro.previewImage({ urls: images.map((x) => x.src), current: images[i]!.src })}
          />
        ) : null}
      </Card>
      {a.canManage ? <Manage a={a} onChanged={onChanged} /> : <Follow projectId={a.projectId} />}
    </View>
  );
}

/** 关注 for the reader: whether they follow comes with the project's view (which also counts them). */
function Follow({ projectId }: { projectId: string }) {
  const view = useResource(() => viewProject(projectId), [projectId]);
  if (view.error) return <ErrorBlock error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading inline text="正在读取关注情况…" />;
  return <FollowButton id="announcement-follow" projectId={projectId} following={view.data.following} />;
}

function Manage({ a, onChanged }: { a: Announcement; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    const checked = withdrawAnnouncementInputSchema.shape.reason.safeParse(reason);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? '请填写撤回原因');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await withdrawAnnouncement(a._id, checked.data);
      setAsking(false);
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="管理" id="announcement-manage">
      {a.heldReason ? <Notice tone="warning" id="announcement-held" text={a.heldReason} /> : null}
      {a.state === 'withdrawn' ? (
        <Notice
          tone="info"
          id="announcement-withdrawn"
          text={`已撤回：${a.withdrawReason ?? ''}。职工看不到这条公告了，记录保留在这里。`}
        />
      ) : null}
      <Text className="ad__meta">发布范围：{a.audience.label}</Text>
      <View className="ad__actions">
        {a.state !== 'withdrawn' ? (
          <AppButton
            id="announcement-edit"
            block
            onClick={() => void Taro.navigateTo({ url: publishUrl(a.projectId, a._id) })}
          >
            修改
          </AppButton>
        ) : null}
        <AppButton id="announcement-stats" block onClick={() => void Taro.navigateTo({ url: manageUrl(a.projectId) })}>
          查看触达情况
        </AppButton>
        {a.state !== 'withdrawn' && !asking ? (
          <AppButton id="announcement-withdraw" block onClick={() => setAsking(true)}>
            撤回
          </AppButton>
        ) : null}
        {asking ? (
          <View>
            <TextField
              id="announcement-withdraw-reason"
              label="撤回原因"
              maxlength={200}
              multiline
              placeholder="例如：地点有误，核实后重新发布"
              value={reason}
              onInput={setReason}
              error={error ?? undefined}
            />
            <AppButton
              id="announcement-withdraw-confirm"
              kind="primary"
              block
              loading={busy}
              busyText="正在撤回…"
              onClick={() => void withdraw()}
            >
              确认撤回（职工将看不到，未发出的通知停发）
            </AppButton>
          </View>
        ) : null}
      </View>
    </Card>
  );
}

export default withFontScale(AnnouncementPage);
