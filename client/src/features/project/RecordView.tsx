import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { dutyKinds, dutyLabels, formatDateTime, type Project, type ProjectRecord } from '@shishi/shared-types';
import { toApiError } from '../../services/call';
import { formatChineseDate } from '../../utils/dates';
import { fetchProject } from './api';
import { formatYuan } from './money';

type Staff = NonNullable<Project['staff']>;

interface Row {
  label: string;
  value: string | number | undefined | null;
}

interface Section {
  key: string;
  title: string;
  rows: Row[];
  /** Lists shown under the rows (milestones, budget lines, sub-projects). */
  lines?: { title: string; text: string }[];
}

const day = (d: string | undefined) => (d ? formatChineseDate(d) : undefined);
const count = (n: number | undefined, unit: string) => (n === undefined ? undefined : `${n} ${unit}`);

/** 附件1 可行性研究报告, in the order of the printed form. */
function sectionsOf(r: ProjectRecord): Section[] {
  return [
    {
      key: 'cover',
      title: '封面',
      rows: [
        { label: '项目名称', value: r.title },
        { label: '申报单位', value: r.applicantUnit },
        { label: '项目负责人', value: r.leaderName },
        { label: '联系电话', value: r.phone },
        { label: '电子邮箱', value: r.email },
        { label: '编报日期', value: day(r.reportDate) },
        { label: '临时性需求（第四条（三））', value: r.temporaryNeed ? '是' : '否' },
      ],
    },
    {
      key: 'background',
      title: '（二）项目背景',
      rows: [
        { label: '必要性分析', value: r.necessity },
        { label: '可行性分析', value: r.feasibility },
      ],
    },
    {
      key: 'content',
      title: '（三）项目内容',
      rows: [
        { label: '服务对象', value: r.serviceTargets },
        { label: '服务方式', value: r.serviceMethod },
        { label: '目标任务', value: r.goals },
        { label: '实施标准', value: r.standards },
        { label: '实施范围', value: r.coverage },
        { label: '工作流程（向职工公开）', value: r.workflowText },
      ],
      lines: r.subProjects.map((s) => ({ title: `子项目：${s.name}`, text: s.content })),
    },
    {
      key: 'plan',
      title: '（四）推进方案',
      rows: [
        { label: '启动时间', value: day(r.startDate) },
        { label: '结束时间', value: day(r.endDate) },
      ],
      lines: r.milestones.map((m) => ({ title: formatChineseDate(m.date), text: m.task })),
    },
    {
      key: 'budget',
      title: '（五）资金预算',
      rows: [
        { label: '总预算', value: formatYuan(r.budgetLines.reduce((s, l) => s + l.amountFen, 0)) },
        { label: '其中市总扶助', value: formatYuan(r.budgetLines.reduce((s, l) => s + l.cityAidFen, 0)) },
        { label: '市总扶助资金说明', value: r.aidStatement },
        { label: '首次拨付比例', value: r.tranche1Percent === undefined ? undefined : `${r.tranche1Percent}%` },
      ],
      lines: r.budgetLines.map((l) => ({
        title: `${l.item}：${formatYuan(l.amountFen)}`,
        text: `资金来源：${l.source}；其中市总扶助 ${formatYuan(l.cityAidFen)}`,
      })),
    },
    {
      key: 'targets',
      title: '（六）绩效目标',
      rows: [
        { label: '预期成果和社会效益', value: r.expectedResults },
        { label: '覆盖职工数量（事前预估）', value: count(r.targetCovered, '人') },
        { label: '直接服务职工数量（事前预估）', value: count(r.targetServed, '人') },
        { label: '职工满意度目标', value: r.targetSatisfaction === undefined ? undefined : `${r.targetSatisfaction}%` },
      ],
    },
    {
      key: 'assurance',
      title: '（七）保障措施',
      rows: [
        { label: '组织领导', value: r.organisation },
        { label: '监督检查', value: r.supervision },
        { label: '资金保障', value: r.fundingAssurance },
        { label: '宣传交流', value: r.publicity },
      ],
    },
    {
      key: 'duties',
      title: '（八）责任分工',
      rows: dutyKinds.map((k) => {
        const duty = r.duties[k];
        return { label: dutyLabels[k], value: duty ? `${duty.person}：${duty.scope}` : undefined };
      }),
    },
  ];
}

/**
 * The record (附件1) read-only, section by section, with its versions. The current version shows by
 * default; tapping an earlier one loads it (project.get with `version`) and shows it read-only, with a
 * note saying which version it is and a way back to the current one.
 */
export function RecordView({ projectId, staff }: { projectId: string; staff: Staff }) {
  const [open, setOpen] = useState<Record<string, boolean>>({ cover: true });
  const [shown, setShown] = useState<{ version: number; record: ProjectRecord } | null>(null);
  const [loading, setLoading] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const record = shown?.record ?? staff.record;
  const sections = sectionsOf(record);
  const allOpen = sections.every((s) => open[s.key]);
  const toggleAll = () => setOpen(allOpen ? {} : Object.fromEntries(sections.map((s) => [s.key, true])));

  const show = async (version: number) => {
    setError(null);
    if (version === staff.version) {
      setShown(null);
      return;
    }
    setLoading(version);
    try {
      const p = await fetchProject(projectId, version);
      if (!p.staff) throw new Error('这个项目的报告只对相关工作人员开放');
      setShown({ version: p.staff.shownVersion, record: p.staff.record });
    } catch (e) {
      setError(`没能打开第 ${version} 版：${toApiError(e).message}`);
    } finally {
      setLoading(null);
    }
  };

  const frozenAt = shown ? staff.versions.find((v) => v.version === shown.version) : undefined;
  return (
    <View className="project__card" id="project-record">
      <View className="project__section-head">
        <Text className="project__section">可行性研究报告（附件1）</Text>
        <Text className="project__link" id="record-toggle-all" onClick={toggleAll}>
          {allOpen ? '全部收起' : '全部展开'}
        </Text>
      </View>
      <Versions staff={staff} shownVersion={shown?.version ?? staff.version} loading={loading} onShow={show} />
      {error ? (
        <Text className="project__note project__note--danger" id="record-version-error">
          {error}
        </Text>
      ) : null}
      {shown ? (
        <View className="pr__old" id="record-version-note">
          <Text className="pr__old-title">这是第 {shown.version} 版（已冻结）</Text>
          <Text className="pr__old-text">
            {frozenAt
              ? `${formatDateTime(frozenAt.frozenAt)} 提交${frozenAt.reason ? `（${frozenAt.reason}）` : ''}。`
              : ''}
            只能查看，不能修改；现在的报告是第 {staff.version} 版。
          </Text>
          <View className="pr__old-back" id="record-version-back" onClick={() => setShown(null)}>
            <Text>回到当前版本（第 {staff.version} 版）</Text>
          </View>
        </View>
      ) : null}
      {sections.map((s) => (
        <View key={s.key} className="pr__section" id={`record-${s.key}`}>
          <View className="pr__section-head" onClick={() => setOpen({ ...open, [s.key]: !open[s.key] })}>
            <Text className="pr__section-title">{s.title}</Text>
            <Text className="pr__section-toggle">{open[s.key] ? '收起' : '展开'}</Text>
          </View>
          {open[s.key] ? (
            <View className="pr__section-body">
              {s.rows.map((row) => (
                <View key={row.label} className="pf__field">
                  <Text className="pf__field-label">{row.label}</Text>
                  <Text className={`pf__field-value ${row.value ? '' : 'pf__field-value--missing'}`}>
                    {row.value ?? '未填写'}
                  </Text>
                </View>
              ))}
              {s.lines?.map((line, i) => (
                <View key={i} className="pr__line">
                  <Text className="pr__line-title">{line.title}</Text>
                  <Text className="pr__line-text">{line.text}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

interface VersionsProps {
  staff: Staff;
  shownVersion: number;
  loading: number | null;
  onShow: (version: number) => void;
}

/** Every version: the frozen ones (when and why) and the current one; the one shown is marked. */
function Versions({ staff, shownVersion, loading, onShow }: VersionsProps) {
  const editable = staff.actions.includes('update') && !staff.frozen;
  const rows = [...staff.versions].sort((a, b) => b.version - a.version);
  if (!rows.some((v) => v.version === staff.version)) {
    rows.unshift({ version: staff.version, frozenAt: '', reason: '' });
  }
  const state = staff.frozen ? '（已提交，审核期间不能修改）' : editable ? '（可以修改）' : '';
  return (
    <View className="pr__versions" id="record-versions">
      <Text className="pr__versions-title">
        当前是第 {staff.version} 版{state}
      </Text>
      {rows.length === 1 && rows[0].version === staff.version && staff.versions.length === 0 ? (
        <Text className="project__hint">还没有提交过的版本。提交可研论证时，当时的内容会冻结保存为一个版本。</Text>
      ) : (
        rows.map((v) => {
          const current = v.version === staff.version;
          const showing = v.version === shownVersion;
          return (
            <View
              key={v.version}
              id={`record-version-${v.version}`}
              className={`pr__version ${showing ? 'pr__version--shown' : ''}`}
              onClick={() => (showing || loading !== null ? undefined : onShow(v.version))}
            >
              <View className="pr__version-head">
                <Text className="pr__version-name">
                  第 {v.version} 版{current ? '（当前）' : '（已冻结）'}
                </Text>
                <Text className="pr__version-go">
                  {loading === v.version ? '正在打开…' : showing ? '正在显示' : '查看 ›'}
                </Text>
              </View>
              {v.frozenAt ? (
                <Text className="pr__version-meta">
                  {formatDateTime(v.frozenAt)} 提交{v.reason ? ` · ${v.reason}` : ''}
                </Text>
              ) : null}
            </View>
          );
        })
      )}
    </View>
  );
}
