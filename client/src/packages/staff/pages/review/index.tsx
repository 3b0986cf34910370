import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { moderateInputSchema, type Proposal } from '@shishi/shared-types';
import { AppButton, PagedList, TextField } from '../../../../components';
import { Sheet } from '../../../../components/Sheet';
import { StaffOnly } from '../../../../features/profile';
import { ReviewCard, useReviewQueue } from '../../../../features/screening';
import { confirm } from '../../../../utils/feedback';
import { withFontScale } from '../../../../components/FontScale';

/** 内容审核 (staff): what the content check flagged waits here for a person (DESIGN.md §5). */
function ReviewPage() {
  return <StaffOnly>{() => <Review />}</StaffOnly>;
}

function Review() {
  const queue = useReviewQueue();
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const [note, setNote] = useState('');

  const [noteError, setNoteError] = useState<string | undefined>();

  const reject = async () => {
    if (!rejecting) return;
    // The same rule as the function's (moderateInputSchema): the author is told why.
    const checked = moderateInputSchema.safeParse({ proposalId: rejecting._id, verdict: 'reject', note });
    if (!checked.success) {
      setNoteError(checked.error.issues[0]?.message);
      return;
    }
    const ok = await confirm(
      '内容不通过',
      `“${rejecting.title}”将只有提议人和工作人员能看到。确定不通过吗？`,
      '不通过',
    );
    if (!ok) return;
    if (await queue.moderate(rejecting, 'reject', note.trim())) {
      setRejecting(null);
      setNote('');
    }
  };

  return (
    <View className="page">
      <Text className="page-intro">通过后其他职工才能看到这条建议；不通过则只有提议人和工作人员能看到。</Text>
      <PagedList
        id="review-list"
        list={queue.list}
        keyOf={(p) => p._id}
        header={
          <Text className="section-title" id="review-total">
            待审核 {queue.list.total} 条
          </Text>
        }
        renderItem={(p) => (
          <ReviewCard
            proposal={p}
            busy={queue.busyId === p._id}
            onPass={() => void queue.moderate(p, 'pass')}
            onReject={() => setRejecting(p)}
          />
        )}
        emptyText="没有等待审核的内容。"
      />
      <Sheet
        open={rejecting !== null}
        id="reject-sheet"
        title="内容不通过"
        onClose={() => setRejecting(null)}
        footer={
          <AppButton
            id="reject-confirm"
            kind="primary"
            block
            loading={rejecting !== null && queue.busyId === rejecting._id}
            onClick={() => void reject()}
          >
            确认不通过
          </AppButton>
        }
      >
        <Text className="sheet-lead">{rejecting?.title}</Text>
        <TextField
          id="reject-note"
          label="不通过的原因"
          multiline
          fixed
          value={note}
          error={noteError}
          maxlength={200}
          placeholder="哪里不合适，怎样改可以通过（会告诉提议人）"
          onInput={(v) => {
            setNote(v);
            setNoteError(undefined);
          }}
        />
      </Sheet>
    </View>
  );
}

export default withFontScale(ReviewPage);
