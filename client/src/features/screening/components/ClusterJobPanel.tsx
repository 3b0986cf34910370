import { View, Text } from '@tarojs/components';
import { JobProgress } from '../../jobs/JobProgress';
import type { ClusterJobs } from '../hooks';
import './ClusterJobPanel.scss';

/**
 * A large merge or undo running as a job (proposal.mergeStatus / unmergeAllStatus): its progress bar
 * while the page drives it, then what it did until closed.
 */
export function ClusterJobPanel({ jobs }: { jobs: ClusterJobs }) {
  if (jobs.running) {
    return (
      <View className="cluster-job" id="merge-job">
        <Text className="cluster-job__note">分批进行中，请不要关闭页面；关掉了也会在几分钟内自动做完。</Text>
        <JobProgress id="merge-progress" progress={jobs.running.progress} label={jobs.running.label} />
      </View>
    );
  }
  if (!jobs.finished) return null;
  return (
    <View className="cluster-job cluster-job--done" id="merge-result">
      <View className="cluster-job__head">
        <Text className="cluster-job__title" id="merge-result-text">
          {jobs.finished}
        </Text>
        <Text className="cluster-job__close" id="merge-result-close" onClick={jobs.close}>
          收起
        </Text>
      </View>
    </View>
  );
}
