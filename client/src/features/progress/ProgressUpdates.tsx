import { View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  formatDateTime,
  progressLimits,
  type Attachment,
  type ProgressReport,
  type ProgressUpdate,
} from '@shishi/shared-types';
import { AppButton, Badge, Notice, TextBox } from '../../components';
import { toApiError } from '../../services/call';
import { toastSuccess } from '../../utils/feedback';
import { replyProgress } from './api';

function Photos({ photos, id }: { photos: Attachment[]; id: string }) {
  const shown = photos.filter((p) => p.url);
  if (shown.length === 0) return null;
  const urls = shown.map((p) => p.url);
  return (
    <View className="pg-photos" id={id}>
      {shown.map((p, i) => (
        <View key={p.fileID} className="pg-photos__item">
          <Image
            className="pg-photos__img"
            src={p.url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: urls[i] })}
          />
          {p.moderation !== 'pass' ? (
            <Text className="pg-photos__note">{p.moderation === 'pending' ? '检测中' : '职工看不到'}</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 实施进展 as workers read it: the unit's public updates (措施 and photos), newest first. */
export function PublicUpdates({ updates }: { updates: ProgressUpdate[] }) {
  return (
    <View className="pg-card" id="progress-updates">
      <View className="pg-card__head">
        <Text className="pg-card__title">实施进展</Text>
      </View>
      {updates.length === 0 ? (
        <Text className="pg-empty" id="progress-updates-empty">
          项目开展后，承办单位会在这里发布进展和现场照片。关注这个项目，有新进展时会通知您。
        </Text>
      ) : (
        updates.map((u, i) => (
          <View key={u._id} className="pg-update" id={`progress-update-${i}`}>
            <Text className="pg-update__meta">
              {formatDateTime(u.at)} · {u.orgName}
            </Text>
            <Text className="pg-update__text">{u.measures}</Text>
            <Photos photos={u.photos} id={`progress-update-${i}-photos`} />
          </View>
        ))
      )}
    </View>
  );
}

interface ReportListProps {
  reports: ProgressReport[];
  /** The unit may file a report now: the 报送进展 button. */
  canReport: boolean;
  onReport: () => void;
  onChanged: () => void;
}

/** 进展报告 for staff: every report with 资金使用, 困难, 需协调的问题, photos and the department's replies. */
export function ReportList({ reports, canReport, onReport, onChanged }: ReportListProps) {
  return (
    <View className="pg-card" id="progress-reports">
      <View className="pg-card__head">
        <Text className="pg-card__title">进展报告</Text>
        <Text className="pg-card__count">{reports.length ? `共 ${reports.length} 份` : ''}</Text>
      </View>
      {reports.length === 0 ? (
        <Text className="pg-empty" id="progress-reports-empty">
          {canReport
            ? '还没有报送过进展。推进中采取的措施、资金使用、遇到的困难和需要协调的问题，都可以随时报给归口管理部门。'
            : '承办单位还没有报送进展。项目发布后，承办单位报送的进展和部门的回复会显示在这里。'}
        </Text>
      ) : (
        reports.map((r, i) => <ReportItem key={r._id} report={r} index={i} onChanged={onChanged} />)
      )}
      {canReport ? (
        <AppButton id="progress-report-open" kind="primary" block onClick={onReport}>
          报送进展
        </AppButton>
      ) : null}
    </View>
  );
}

function ReportItem({ report: r, index, onChanged }: { report: ProgressReport; index: number; onChanged: () => void }) {
  const id = `progress-report-${index}`;
  return (
    <View className="pg-report" id={id}>
      <View className="pg-report__head">
        <Text className="pg-update__meta">
          {formatDateTime(r.at)} · {r.byName}
        </Text>
        {r.held ? (
          <Badge label="内容待核实，职工看不到" tone="warning" />
        ) : r.shownToWorkers ? (
          <Badge label="已向职工公开" tone="success" />
        ) : (
          <Badge label="仅工作人员可见" tone="neutral" />
        )}
      </View>
      <Row label="措施和进展" text={r.measures} />
      {r.funding ? <Row label="资金使用" text={r.funding} /> : null}
      {r.difficulties ? <Row label="存在的困难" text={r.difficulties} /> : null}
      {r.coordination ? <Row label="需协调的问题" text={r.coordination} alert /> : null}
      <Photos photos={r.photos} id={`${id}-photos`} />
      {r.replies.map((x, j) => (
        <View key={j} className="pg-reply" id={`${id}-reply-${j}`}>
          <Text className="pg-reply__who">
            {x.roleLabel} {x.byName} 回复（{formatDateTime(x.at)}）
          </Text>
          <Text className="pg-reply__text">{x.text}</Text>
        </View>
      ))}
      {r.awaitingReply ? (
        <Text className="pg-report__waiting" id={`${id}-waiting`}>
          等待归口管理部门回复
        </Text>
      ) : null}
      {r.canReply ? <ReplyBox reportId={r._id} id={`${id}-reply`} onChanged={onChanged} /> : null}
    </View>
  );
}

function Row({ label, text, alert }: { label: string; text: string; alert?: boolean }) {
  return (
    <View className={`pg-row ${alert ? 'pg-row--alert' : ''}`}>
      <Text className="pg-row__label">{label}</Text>
      <Text className="pg-row__text">{text}</Text>
    </View>
  );
}

/** 回复: the routed department's answer to the unit. */
function ReplyBox({ reportId, id, onChanged }: { reportId: string; id: string; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await replyProgress({ reportId, text });
      setText('');
      toastSuccess('已回复');
      onChanged();
    } catch (e) {
      const err = toApiError(e);
      setError(err.fields?.[0]?.message ?? err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="pg-replybox">
      {error ? <Notice id={`${id}-error`} text={error} /> : null}
      <TextBox
        id={`${id}-text`}
        value={text}
        onInput={setText}
        multiline
        maxlength={progressLimits.reply}
        placeholder="回复承办单位：已协调的事项、要求或意见"
      />
      <AppButton id={`${id}-send`} kind="default" block loading={busy} busyText="正在发送…" onClick={() => void send()}>
        回复
      </AppButton>
    </View>
  );
}
