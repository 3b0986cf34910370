import { Text } from '@tarojs/components';
import { proposalStatusMeta, type ProposalStatus } from '@shishi/shared-types';
import './index.scss';

export type BadgeTone = 'neutral' | 'progress' | 'success' | 'warning' | 'danger';

/** A small coloured label; the colour says the tone, the text says the meaning. */
export function Badge({ label, tone }: { label: string; tone: BadgeTone }) {
  return <Text className={`ui-badge ui-badge--${tone}`}>{label}</Text>;
}

/** The status of a proposal, as `proposalStatusMeta` describes it. */
export function StatusBadge({ status }: { status: ProposalStatus }) {
  const meta = proposalStatusMeta[status];
  return <Badge label={meta.label} tone={meta.tone} />;
}
