import { View, Input } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AppButton } from '../AppButton';
import '../FormField/index.scss';
import './index.scss';

interface SearchBarProps {
  placeholder: string;
  /** The keyword in force: the box follows it when it is changed from outside (e.g. cleared). */
  keyword: string;
  /** Called with the trimmed keyword ('' clears the search). */
  onSearch: (keyword: string) => void;
  /** The input gets this id, the button `<id>-submit`. */
  id: string;
  maxlength?: number;
}

export function SearchBar({ placeholder, keyword, onSearch, id, maxlength = 40 }: SearchBarProps) {
  const [value, setValue] = useState(keyword);
  useEffect(() => setValue(keyword), [keyword]);
  const submit = () => onSearch(value.trim());
  return (
    <View className="ui-search">
      <Input
        id={id}
        className="ui-input ui-search__input"
        placeholderClass="ui-input-placeholder"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        confirmType="search"
        onInput={(e) => setValue(e.detail.value)}
        onConfirm={submit}
      />
      <AppButton id={`${id}-submit`} kind="primary" className="ui-search__button" onClick={submit}>
        搜索
      </AppButton>
    </View>
  );
}
