import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Project } from '@shishi/shared-types';
import { useMe } from '../profile';
import { MilestoneList } from './MilestoneList';
import { PublicUpdates, ReportList } from './ProgressUpdates';
import { ReportSheet } from './ReportSheet';
import './progress.scss';

interface ProgressSectionProps {
  project: Project;
  /** Reload the project after a change (a report, a reply, a tick). */
  onChanged: () => void;
}

/**
 * 实施进展 on the project page: the plan's milestones with dates (late ones marked), then what the unit
 * reported — workers read the public updates (措施 and photos); staff who see the record read every report
 * with its replies, and the unit files new ones here. Nothing before the project is established.
 */
export function ProgressSection({ project, onChanged }: ProgressSectionProps) {
  const progress = project.implementation;
  const me = useMe();
  const [reporting, setReporting] = useState(false);
  if (!progress) return null;
  const openid = me.data?.bound ? me.data.profile.openid : null;
  return (
    <View className="pg" id="progress-section">
      <MilestoneList
        project={project}
        milestones={progress.milestones}
        lateCount={progress.lateCount}
        canTick={progress.canTick}
        onChanged={onChanged}
      />
      {progress.reports ? (
        <ReportList
          reports={progress.reports}
          canReport={progress.canReport}
          onReport={() => setReporting(true)}
          onChanged={onChanged}
        />
      ) : (
        <PublicUpdates updates={progress.updates} />
      )}
      {reporting ? (
        <ReportSheet
          project={project}
          openid={openid}
          onClose={() => setReporting(false)}
          onDone={() => {
            setReporting(false);
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}
