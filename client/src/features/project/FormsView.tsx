import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  formAnnex,
  formatDateTime,
  formKindLabels,
  formKinds,
  roleLabels,
  signStepLabels,
  signSteps,
  type FormKind,
  type Project,
  type ProjectForm,
  type Role,
} from '@shishi/shared-types';
import { Badge, type BadgeTone } from '../../components';
import { formFieldSpecs } from './forms/rows';

type Staff = NonNullable<Project['staff']>;

const statusTone: Record<ProjectForm['status'], BadgeTone> = {
  awaitingUnit: 'progress',
  awaitingDepartment: 'progress',
  awaitingLeader: 'progress',
  approved: 'success',
  returned: 'warning',
};

/** 附件2–4: each form's latest version with its three sign-offs in order, and earlier versions below. */
export function FormsView({ staff, focusFormId }: { project: Project; staff: Staff; focusFormId?: string }) {
  useEffect(() => {
    if (!focusFormId) return;
    // Let the page lay out first, then bring the form the link pointed at into view.
    const timer = setTimeout(() => {
      void Taro.pageScrollTo({ selector: `#form-${focusFormId}`, duration: 300 }).catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [focusFormId]);

  return (
    <View className="project__card" id="project-forms">
      <Text className="project__section">申报表和签署</Text>
      <Text className="project__hint">每张表依次由 申报单位 → 归口管理部门 → 分管领导 签署意见。</Text>
      {formKinds.map((kind) => (
        <FormGroup
          key={kind}
          kind={kind}
          forms={staff.forms.filter((f) => f.kind === kind).sort((a, b) => b.version - a.version)}
          focusFormId={focusFormId}
        />
      ))}
    </View>
  );
}

function FormGroup({ kind, forms, focusFormId }: { kind: FormKind; forms: ProjectForm[]; focusFormId?: string }) {
  const [showOlder, setShowOlder] = useState(forms.slice(1).some((f) => f._id === focusFormId));
  const [latest, ...older] = forms;
  return (
    <View className="pf" id={`forms-${kind}`}>
      <Text className="pf__kind">
        附件{formAnnex[kind]} {formKindLabels[kind]}
      </Text>
      {!latest ? (
        <Text className="project__empty" id={`forms-${kind}-none`}>
          尚未填报。
        </Text>
      ) : (
        <>
          <FormCard form={latest} focused={latest._id === focusFormId} />
          {older.length > 0 ? (
            <Text className="project__link" id={`forms-${kind}-older`} onClick={() => setShowOlder(!showOlder)}>
              {showOlder ? '收起以前的版本' : `查看以前的 ${older.length} 个版本`}
            </Text>
          ) : null}
          {showOlder ? older.map((f) => <FormCard key={f._id} form={f} focused={f._id === focusFormId} />) : null}
        </>
      )}
    </View>
  );
}

function FormCard({ form, focused }: { form: ProjectForm; focused: boolean }) {
  const labels = new Map(formFieldSpecs[form.kind].map((s) => [s.key, s.label]));
  const fieldRows = Object.entries(form.fields).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <View className={`pf__card ${focused ? 'pf__card--focused' : ''}`} id={`form-${form._id}`}>
      <View className="project__section-head">
        <Text className="pf__version">第 {form.version} 版</Text>
        <Badge label={form.statusLabel} tone={statusTone[form.status]} />
      </View>
      <Text className="project__item-meta">
        {form.submittedByName} 于 {formatDateTime(form.submittedAt)} 提交
      </Text>
      {fieldRows.map(([key, value]) => (
        <View key={key} className="pf__field">
          <Text className="pf__field-label">{labels.get(key) ?? key}</Text>
          <Text className="pf__field-value">{String(value)}</Text>
        </View>
      ))}
      <View className="pf__chain" id={`form-${form._id}-chain`}>
        {signSteps.map((step, i) => {
          const signature = form.signatures.find((s) => s.step === step);
          const pending = form.pending?.step === step;
          const state = signature
            ? signature.decision === 'approve'
              ? 'approved'
              : 'returned'
            : pending
              ? 'pending'
              : 'waiting';
          return (
            <View key={step} className={`pf__step pf__step--${state}`} id={`form-${form._id}-${step}`}>
              <Text className="pf__step-title">
                {i + 1}. {signStepLabels[step]}
              </Text>
              {signature ? (
                <>
                  <Text className="pf__step-decision">
                    {signature.decision === 'approve' ? '同意' : '退回修改'} · {signature.byName} ·{' '}
                    {formatDateTime(signature.at)}
                  </Text>
                  <Text className="pf__step-opinion">意见：{signature.opinion}</Text>
                  {step === 'unit' ? (
                    <Text className="pf__step-seal">
                      {signature.sealConfirmed ? '已确认纸质表加盖单位公章' : '未确认加盖单位公章'}
                    </Text>
                  ) : null}
                </>
              ) : pending && form.pending ? (
                <Text className="pf__step-pending" id={`form-${form._id}-pending`}>
                  等待签署：{form.pending.orgName} · {roleLabels[form.pending.role as Role] ?? form.pending.role}
                </Text>
              ) : (
                <Text className="pf__step-wait">
                  {form.status === 'returned' ? '已退回，不再签署' : '待前一步签署后办理'}
                </Text>
              )}
            </View>
          );
        })}
      </View>
    </View>
  );
}
