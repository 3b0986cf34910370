export interface ImportListProps {
  projectId: string;
  onDone: () => void;
}
