/**
 * weapp: a beneficiary list is an Excel file on a computer, so the import is done from the H5 build in
 * a desktop browser (ImportList.h5.tsx); here the card says where.
 */
import { Text } from '@tarojs/components';
import { Card } from '../../components';
import type { ImportListProps } from './importProps';

export function ImportList(_: ImportListProps) {
  return (
    <Card title="导入受益职工名单" id="import-card">
      <Text className="ck-hint">
        名单是 Excel 文件，请在电脑浏览器打开本页导入：先预览，看清哪些行读不了、为什么，确认后才保存。
      </Text>
    </Card>
  );
}
