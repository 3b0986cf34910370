/**
 * 职工评价 on the project record (the project's staff): open rating (the day, who may rate), where it
 * stands, the summary at any count with the breakdowns by district, industry and worker group (a
 * group under 5 ratings is not shown), the comments that passed the content check (newest day first,
 * 加载更多; each with its scores and day, never who wrote it), 去审核（N） for the held ones (通过 / 不通过,
 * HeldComments.tsx), and 导出评价 (.xlsx, no names) with its link.
 */
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { businessDate, type ProjectStatus } from '@shishi/shared-types';
import {
  ratingConfigureInputSchema,
  type RatingBreakdown,
  type RatingExportOutput,
  type RatingSettings,
} from '@shishi/shared-types/src/contracts/rating';
import {
  ratingConfigurableStatuses,
  ratingEligibilities,
  ratingEligibilityLabels,
  type RatingEligibility,
} from '@shishi/shared-types/src/rules/rating';
import {
  AppButton,
  Card,
  ChipGroup,
  ErrorBlock,
  FormField,
  Loading,
  Notice,
  TextField,
  optionsOf,
} from '../../components';
import { useResource } from '../../hooks/useResource';
import { toApiError } from '../../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../utils/fieldErrors';
import { downloadFile, ExportFile } from '../export/ExportFile';
import { configureRating, exportRatings, fetchRatingSummary } from './api';
import { CommentList, HeldComments, useRatingComments } from './HeldComments';
import { dayText, meanText } from './labels';
import { RatingFigures } from './RatingFigures';
import { staffStateLine } from './states';
import './rating.scss';

const breakdownTitles: Record<RatingBreakdown['by'], string> = {
  district: '按区市县',
  industry: '按产业',
  group: '按职工群体',
};

export function RatingStaffSection({ projectId, status }: { projectId: string; status: ProjectStatus }) {
  const summary = useResource(() => fetchRatingSummary(projectId), [projectId]);
  if (summary.error) {
    if (summary.error.code === 'FORBIDDEN') return null;
    return (
      <Card title="职工评价" id="rating-staff">
        <ErrorBlock error={summary.error} onRetry={summary.reload} />
      </Card>
    );
  }
  if (summary.loading || !summary.data) return <Loading text="正在读取职工评价…" />;
  const s = summary.data;
  const configurable = s.manager && ratingConfigurableStatuses.includes(status);

  return (
    <Card title="职工评价" id="rating-staff">
      <View className="rt-staff-state">
        <Text className="rt-staff-state__line" id="rating-staff-state">
          {staffStateLine(s.settings)}
        </Text>
        {s.settings.opensOn !== null ? (
          <Text className="rt-hint" id="rating-staff-eligibility">
            可以评价：{ratingEligibilityLabels[s.settings.eligibility]}
          </Text>
        ) : null}
      </View>

      {configurable ? (
        <ConfigureForm projectId={projectId} settings={s.settings} onSaved={() => void summary.refresh()} />
      ) : null}

      <View className="rt-staff-summary" id="rating-staff-summary">
        <Text className="rt-sub">评价结果</Text>
        <Text className="rt-public__count" id="rating-staff-count">
          共 {s.count} 人评价{s.commented > 0 ? `，其中 ${s.commented} 人写了意见` : ''}
        </Text>
        {s.count === 0 ? (
          <Text className="rt-hint" id="rating-staff-empty">
            还没有职工评价。开放评价后，原建议的作者、附议人和受服务的职工会收到邀请。
          </Text>
        ) : (
          <>
            <Text className="rt-hint">
              工作人员可以随时看到汇总；职工满 {s.minShown} 人评价后才能在项目页看到结果。
            </Text>
            <RatingFigures dimensions={s.dimensions} idPrefix="rating-staff-dim" />
            {s.breakdowns.map((b) => (
              <Breakdown key={b.by} breakdown={b} minShown={s.minShown} />
            ))}
          </>
        )}
      </View>

      {s.manager ? <CommentsBlock projectId={projectId} /> : null}

      {s.manager ? <ExportBlock projectId={projectId} count={s.count} /> : null}
    </Card>
  );
}

function ConfigureForm({
  projectId,
  settings,
  onSaved,
}: {
  projectId: string;
  settings: RatingSettings;
  onSaved: () => void;
}) {
  const [opensOn, setOpensOn] = useState(settings.opensOn ?? businessDate(new Date()));
  const [eligibility, setEligibility] = useState<RatingEligibility>(settings.eligibility);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailed('');
    setSaved('');
    const parsed = ratingConfigureInputSchema.safeParse({ projectId, opensOn, eligibility });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const out = await configureRating(parsed.data);
      setSaved(
        `已保存：${out.open ? '评价已开放' : `评价从 ${dayText(out.opensOn ?? parsed.data.opensOn)} 起开放`}` +
          (out.invited > 0 ? `，已向 ${out.invited} 位职工发出评价邀请。` : '。'),
      );
      onSaved();
    } catch (e) {
      const err = toApiError(e);
      setErrors(fieldErrorsFrom(err.fields));
      setFailed(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="rt-config" id="rating-config">
      <Text className="rt-sub">{settings.opensOn === null ? '开放评价' : '评价设置'}</Text>
      {failed ? <Notice id="rating-config-error" text={failed} /> : null}
      <TextField
        id="rating-opens-on"
        label="开放日期"
        maxlength={10}
        value={opensOn}
        onInput={(value) => {
          setOpensOn(value);
          setErrors((old) => ({ ...old, opensOn: undefined }));
        }}
        error={errors.opensOn}
        placeholder="如 2026-12-01"
      >
        <Text className="rt-hint">项目实施后，从这一天起职工可以评价；项目结项时评价结束。</Text>
      </TextField>
      <FormField label="哪些职工可以评价" error={errors.eligibility} id="rating-eligibility">
        <ChipGroup
          idPrefix="rating-eligibility"
          options={optionsOf(ratingEligibilities, ratingEligibilityLabels)}
          value={eligibility}
          onChange={(value) => {
            setEligibility(value);
            setErrors((old) => ({ ...old, eligibility: undefined }));
          }}
        />
      </FormField>
      <AppButton
        id="rating-config-submit"
        kind="primary"
        block
        loading={busy}
        busyText="正在保存…"
        onClick={() => void submit()}
      >
        {settings.opensOn === null ? '开放评价' : '保存评价设置'}
      </AppButton>
      {saved ? (
        <Text className="rt-saved" id="rating-config-saved">
          {saved}
        </Text>
      ) : null}
    </View>
  );
}

function Breakdown({ breakdown: b, minShown }: { breakdown: RatingBreakdown; minShown: number }) {
  if (b.rows.length === 0 && b.hiddenSegments === 0) return null;
  return (
    <View className="rt-breakdown" id={`rating-by-${b.by}`}>
      <Text className="rt-sub">{breakdownTitles[b.by]}</Text>
      {b.rows.map((row) => (
        <View key={row.key} className="rt-row" id={`rating-by-${b.by}-${row.key}`}>
          <View className="rt-row__head">
            <Text className="rt-row__label">{row.label}</Text>
            <Text className="rt-row__count">{row.count} 人</Text>
          </View>
          <Text className="rt-row__means">
            {row.dimensions.map((d) => `${d.label} ${meanText(d.dimension, d.mean)}`).join('；')}
          </Text>
        </View>
      ))}
      {b.hiddenSegments > 0 ? (
        <Text className="rt-hint" id={`rating-by-${b.by}-hidden`}>
          另有 {b.hiddenSegments} 组不足 {minShown} 人，不显示。
        </Text>
      ) : null}
    </View>
  );
}

/**
 * 评价意见: the comments that passed the content check, 50 at a time (加载更多), newest day first; held
 * ones counted, with 去审核（N） opening them to pass or reject. Staff outside the project's subtree (a
 * department following it) see nothing here.
 */
function CommentsBlock({ projectId }: { projectId: string }) {
  const passed = useRatingComments(projectId, 'pass');
  const [reviewing, setReviewing] = useState(false);
  const held = passed.data?.held ?? 0;

  if (passed.error?.code === 'FORBIDDEN') return null;
  return (
    <View className="rt-staff-summary" id="rating-comments">
      <Text className="rt-sub">评价意见</Text>
      <Text className="rt-hint">只显示通过内容审核的意见，不显示是谁写的；日期只到天。</Text>
      {held > 0 ? (
        <Text className="rt-hint" id="rating-comments-held">
          {held} 条评论正在审核
        </Text>
      ) : null}
      {held > 0 || reviewing ? (
        <AppButton
          block
          kind={reviewing ? 'plain' : 'default'}
          id="rating-comments-review"
          onClick={() => setReviewing(!reviewing)}
        >
          {reviewing ? '收起待审核的意见' : `去审核（${held}）`}
        </AppButton>
      ) : null}
      {reviewing ? <HeldComments projectId={projectId} onChanged={() => void passed.refresh()} /> : null}
      <CommentList
        id="rating-comments"
        itemId="rating-comment"
        list={passed}
        emptyText="还没有评论"
        loadingText="正在读取评价意见…"
      />
    </View>
  );
}

function ExportBlock({ projectId, count }: { projectId: string; count: number }) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<RatingExportOutput | null>(null);
  const [error, setError] = useState('');

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const out = await exportRatings(projectId);
      setFile(out);
      await downloadFile(out);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="rt-export" id="rating-export-block">
      <Text className="rt-sub">导出评价</Text>
      <Text className="rt-hint">
        Excel 里是每条评价的各项分数、通过审核的意见和所在区市县、产业、群体，不含姓名或身份。
      </Text>
      <AppButton id="rating-export" block loading={busy} busyText="正在生成…" onClick={() => void run()}>
        {count > 0 ? '导出评价（Excel）' : '导出评价（Excel，目前没有评价）'}
      </AppButton>
      {error ? (
        <Text className="rt-error" id="rating-export-error">
          {error} 请稍后再点一次；一直不行请联系系统管理员。
        </Text>
      ) : null}
      {file ? <ExportFile id="rating-export" file={file} count={`已导出 ${file.rows} 条评价`} /> : null}
    </View>
  );
}
