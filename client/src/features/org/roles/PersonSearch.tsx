import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { RoleBindingView, StaffPerson } from '@shishi/shared-types';
import { Empty, ErrorBlock, Loading, SearchBar } from '../../../components';
import { toApiError, type ApiError } from '../../../services/call';
import { findPeople } from '../rolesApi';
import { StaffCard } from './StaffCard';
import './roles.scss';

interface PersonSearchProps {
  onAssign: (person: StaffPerson) => void;
  onRevoke: (person: StaffPerson, binding: RoleBindingView) => void;
  /** Bumped after a change so the found people show their new roles. */
  version: number;
}

/** 找人: bound people by name (workers too), each with a button to give them a role. */
export function PersonSearch({ onAssign, onRevoke, version }: PersonSearchProps) {
  const [name, setName] = useState('');
  const [state, setState] = useState<{ loading: boolean; error: ApiError | null; people: StaffPerson[] | null }>({
    loading: false,
    error: null,
    people: null,
  });
  const [seen, setSeen] = useState(version);

  const search = async (keyword: string) => {
    setName(keyword);
    if (!keyword) return setState({ loading: false, error: null, people: null });
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const { people } = await findPeople(keyword);
      setState({ loading: false, error: null, people });
    } catch (e) {
      setState({ loading: false, error: toApiError(e), people: null });
    }
  };
  if (seen !== version) {
    setSeen(version);
    if (name) void search(name);
  }

  return (
    <View className="person-search">
      <SearchBar
        id="people-search"
        placeholder="输入姓名，如：王秀梅"
        keyword={name}
        onSearch={(k) => void search(k)}
        maxlength={20}
      />
      <Text className="person-search__hint">先请对方在小程序里绑定姓名和所在工会，这里才能找到。</Text>
      {state.loading ? (
        <Loading text="正在查找…" />
      ) : state.error ? (
        <ErrorBlock error={state.error} onRetry={() => void search(name)} />
      ) : state.people === null ? null : state.people.length === 0 ? (
        <View id="people-search-empty">
          <Empty text={`没有找到姓名含“${name}”的人`} />
        </View>
      ) : (
        <View id="people-search-results">
          {state.people.map((p) => (
            <StaffCard
              key={p.userId}
              person={p}
              idPrefix="found"
              onAssign={() => onAssign(p)}
              onRevoke={(b) => onRevoke(p, b)}
            />
          ))}
        </View>
      )}
    </View>
  );
}
