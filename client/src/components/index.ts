/** Shared UI: no feature knowledge here. */
export { AppButton } from './AppButton';
export { Card } from './Card';
export { Cell, CellGroup } from './Cell';
export { ChipGroup, optionsOf, type ChipOption } from './ChipGroup';
export { Empty } from './Empty';
export { ErrorBlock } from './ErrorBlock';
export { FilterTabs } from './FilterTabs';
export { FormField, TextBox, TextField, type TextBoxProps } from './FormField';
export { Loading } from './Loading';
export { Notice } from './Notice';
export { PagedList, usePagedList, type FetchPage, type PageResult, type PagedListState } from './PagedList';
export { SearchBar } from './SearchBar';
export { Badge, StatusBadge, type BadgeTone } from './StatusBadge';
export { ImageGrid, type GridImage } from './ImageGrid';
// Sheet and ScoreStepper are imported by path where used (staff subpackage), so they stay out of the main package.
export {
  LARGE_FONT_SCALE,
  applyFontScale,
  largeFontOn,
  setLargeFont,
  useFontScaleStyle,
  withFontScale,
} from './FontScale';
