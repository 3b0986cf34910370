import { View, Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import {
  screenSortLabels,
  type CollectWindow,
  type Profile,
  type ScreenItem,
  type ScreenSort,
} from '@shishi/shared-types';
import { AppButton, Badge, Notice, PagedList, SearchBar } from '../../../../components';
import { Sheet } from '../../../../components/Sheet';
import { useResource } from '../../../../hooks/useResource';
import { fetchWindows, windowStatusMeta } from '../../../../features/collectWindow/admin';
import { useGrassrootsGroups } from '../../../../features/org/hooks';
import { StaffOnly } from '../../../../features/profile';
import { readOnlyText, rolesOf, viewAccess } from '../../../../features/profile/viewAccess';
import {
  ClusterJobPanel,
  DecideSheet,
  ExportResult,
  FilterSheet,
  MergeSheet,
  ScoreSheet,
  ScreeningCard,
  SortSheet,
  countFilters,
  unmergeAllWithConfirm,
  unmergeWithConfirm,
  useClusterJobs,
  useExport,
  useScreening,
  useSelection,
  type ScreenFilters,
  type SheetFilters,
} from '../../../../features/screening';
import './index.scss';
import { JobProgress } from '../../../../features/jobs/JobProgress';
import { withFontScale } from '../../../../components/FontScale';
import { DeskHead } from '../../../../features/desk/DeskHead';

/** 建议筛选 (staff): rank the window's proposals, merge duplicates, score, decide, export. */
function ScreeningPage() {
  return <StaffOnly>{(profile) => <Screening profile={profile} />}</StaffOnly>;
}

type Open = 'filter' | 'sort' | 'window' | 'merge' | null;

/** The desktop table's columns after the tick (index.scss places each row's parts in them). */
const screenColumns = ['排名', '建议', '状态', '类别 · 单位', '得分', '操作'];

function Screening({ profile }: { profile: Profile }) {
  // The menu's rule (every role the person holds): reviewers, department heads and leaders only look.
  const access = useMemo(() => viewAccess('home-screening', rolesOf(profile)), [profile]);
  const canAct = !access.readOnly;
  const [windowId, setWindowId] = useState<string | undefined>(undefined);
  const [keyword, setKeyword] = useState('');
  const [sheetFilters, setSheetFilters] = useState<SheetFilters>({});
  const [sort, setSort] = useState<ScreenSort>('score');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const [open, setOpen] = useState<Open>(null);
  const [scoring, setScoring] = useState<ScreenItem | null>(null);
  const [deciding, setDeciding] = useState<ScreenItem | null>(null);

  const filters: ScreenFilters = { ...sheetFilters, windowId, keyword: keyword || undefined, sort, order };
  const { list, meta } = useScreening(filters);
  const selection = useSelection();
  const exporter = useExport();
  const clusterJobs = useClusterJobs(() => void list.refresh());
  const windows = useResource(fetchWindows, []);
  const tree = useGrassrootsGroups();
  const areas = useMemo(
    () =>
      (tree.data?.orgs ?? []).filter(
        (o) => (o.type === 'district' || o.type === 'industry') && o.path.includes(profile.orgId),
      ),
    [tree.data, profile.orgId],
  );

  const nFilters = countFilters(sheetFilters);
  const filtered = nFilters > 0 || keyword !== '';
  const after = () => {
    setScoring(null);
    setDeciding(null);
    setOpen(null);
    selection.clear();
    void list.refresh();
  };
  const applyFilters = (f: SheetFilters) => {
    setSheetFilters(f);
    selection.clear();
    setOpen(null);
  };
  const w = meta?.window ?? null;
  const weights = meta?.weights;

  return (
    <View
      className={`page screening desk-table ${canAct ? '' : 'screening--read-only'} ${selection.items.length > 0 ? 'screening--with-bar' : ''}`}
    >
      {access.readOnly ? <Notice tone="info" id="screen-read-only" text={readOnlyText(access)} /> : null}
      <View className="screening__window" id="screen-window">
        <View className="screening__window-body">
          <Text className="screening__window-label">征集期</Text>
          <Text className="screening__window-title" id="screen-window-title">
            {w ? w.title : meta ? '暂无征集期' : '读取中…'}
          </Text>
          {weights ? (
            <Text className="screening__weights" id="screen-weights">
              评分权重：意愿最集中 {weights.concentration} · 需求最迫切 {weights.urgency} · 最具备办结条件{' '}
              {weights.feasibility}
            </Text>
          ) : null}
        </View>
        <AppButton id="screen-window-switch" className="screening__small-btn" onClick={() => setOpen('window')}>
          切换
        </AppButton>
      </View>

      <SearchBar id="screen-search" placeholder="搜索标题、内容、提议人" keyword={keyword} onSearch={setKeyword} />
      <View className="screening__tools">
        <AppButton
          id="screen-sort-open"
          className="screening__tool screening__tool--sort"
          onClick={() => setOpen('sort')}
        >
          {`按${screenSortLabels[sort]} ${order === 'desc' ? '↓' : '↑'}`}
        </AppButton>
        <AppButton
          id="screen-filter-open"
          className={`screening__tool ${nFilters > 0 ? 'screening__tool--on' : ''}`}
          onClick={() => setOpen('filter')}
        >
          {nFilters > 0 ? `筛选（${nFilters}）` : '筛选'}
        </AppButton>
        <AppButton
          id="screen-export"
          className="screening__tool"
          loading={exporter.busy}
          onClick={() => void exporter.run(windowId, sheetFilters.orgId)}
        >
          {exporter.busy ? '导出中…' : '导出'}
        </AppButton>
      </View>
      {exporter.busy && exporter.progress !== null ? (
        <JobProgress id="export-progress" progress={exporter.progress} label="正在导出" />
      ) : null}
      {exporter.result ? <ExportResult result={exporter.result} onClose={exporter.clear} /> : null}
      <ClusterJobPanel jobs={clusterJobs} />

      <PagedList
        id="screen-list"
        list={list}
        keyOf={(p) => p._id}
        header={
          <>
            <Text className="section-title" id="screen-total">
              共 {list.total} 条{filtered ? '（已筛选）' : ''}
              {canAct ? ' · 勾选多条可合并' : ''}
            </Text>
            <DeskHead
              id="screen-desk-head"
              columns={canAct ? ['勾选', ...screenColumns] : screenColumns}
              show={list.items.length > 0}
            />
          </>
        }
        renderItem={(p) => (
          <ScreeningCard
            item={p}
            canAct={canAct}
            selected={selection.selected.has(p._id)}
            onToggle={() => selection.toggle(p)}
            onScore={() => setScoring(p)}
            onDecide={() => setDeciding(p)}
            onUnmerge={() => void unmergeWithConfirm(p, after)}
            onUnmergeAll={() => void unmergeAllWithConfirm(p, clusterJobs, after)}
          />
        )}
        emptyText={filtered ? '没有符合条件的建议，换个条件试试。' : '这个征集期还没有建议。'}
        emptyActionText={filtered ? '清除筛选' : undefined}
        onEmptyAction={
          filtered
            ? () => {
                setSheetFilters({});
                setKeyword('');
              }
            : undefined
        }
      />

      {selection.items.length > 0 ? (
        <View className="screening__bar" id="screen-selection-bar">
          <Text className="screening__bar-count" id="screen-selected-count">
            已选 {selection.items.length} 条
          </Text>
          <AppButton id="screen-selection-clear" className="screening__bar-side" onClick={selection.clear}>
            取消
          </AppButton>
          <AppButton
            id="screen-merge-open"
            kind="primary"
            className="screening__bar-main"
            disabled={selection.items.length < 2}
            onClick={() => setOpen('merge')}
          >
            {selection.items.length < 2 ? '再选一条可合并' : '合并到…'}
          </AppButton>
        </View>
      ) : null}

      <FilterSheet
        open={open === 'filter'}
        value={sheetFilters}
        areas={areas}
        onApply={applyFilters}
        onClose={() => setOpen(null)}
      />
      <SortSheet
        open={open === 'sort'}
        sort={sort}
        order={order}
        onChange={(s, o) => {
          setSort(s);
          setOrder(o);
        }}
        onClose={() => setOpen(null)}
      />
      <Sheet open={open === 'window'} id="window-sheet" title="选择征集期" onClose={() => setOpen(null)}>
        {windows.error ? (
          <Text className="muted">{windows.error.message}</Text>
        ) : !windows.data ? (
          <Text className="muted">读取中…</Text>
        ) : windows.data.items.length === 0 ? (
          <Text className="muted">还没有征集期。</Text>
        ) : (
          windows.data.items.map((item: CollectWindow) => (
            <View
              key={item._id}
              id={`window-pick-${item._id}`}
              className={`sheet-option ${item._id === (windowId ?? w?._id) ? 'sheet-option--on' : ''}`}
              onClick={() => {
                setWindowId(item._id);
                selection.clear();
                setOpen(null);
              }}
            >
              <View className="sheet-option__radio" />
              <View className="sheet-option__body">
                <Text className="sheet-option__title">{item.title}</Text>
                <Text className="sheet-option__meta">{item.orgName}</Text>
              </View>
              <Badge label={windowStatusMeta[item.status].label} tone={windowStatusMeta[item.status].tone} />
            </View>
          ))
        )}
      </Sheet>
      {open === 'merge' ? (
        <MergeSheet items={selection.items} onClose={() => setOpen(null)} onMerged={after} jobs={clusterJobs} />
      ) : null}
      {scoring ? <ScoreSheet item={scoring} onClose={() => setScoring(null)} onSaved={after} /> : null}
      {deciding ? <DecideSheet item={deciding} onClose={() => setDeciding(null)} onDecided={after} /> : null}
    </View>
  );
}

export default withFontScale(ScreeningPage);
