import { View, Text } from '@tarojs/components';
import { screenSortLabels, screenSorts, type ScreenSort } from '@shishi/shared-types';
import { ChipGroup, optionsOf } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import './sheets.scss';

const sortOptions = optionsOf(screenSorts, screenSortLabels);
const orderOptions = [
  { value: 'desc' as const, label: '从高到低' },
  { value: 'asc' as const, label: '从低到高' },
];

interface SortSheetProps {
  open: boolean;
  sort: ScreenSort;
  order: 'desc' | 'asc';
  onChange: (sort: ScreenSort, order: 'desc' | 'asc') => void;
  onClose: () => void;
}

/** 排序: by the weighted score (default) or any one criterion, high to low or the reverse. */
export function SortSheet({ open, sort, order, onChange, onClose }: SortSheetProps) {
  return (
    <Sheet open={open} id="sort-sheet" title="排序" onClose={onClose}>
      <View className="sheet-group">
        <Text className="sheet-group__label">排序依据</Text>
        <ChipGroup idPrefix="sort" options={sortOptions} value={sort} onChange={(v) => onChange(v, order)} />
      </View>
      <View className="sheet-group">
        <Text className="sheet-group__label">顺序（提交时间：从高到低即最新在前）</Text>
        <ChipGroup idPrefix="order" options={orderOptions} value={order} onChange={(v) => onChange(sort, v)} />
      </View>
    </Sheet>
  );
}
