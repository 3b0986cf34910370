/**
 * Every collection and its indexes, declared once. The local runtime creates and enforces them; the
 * same list is what production indexes are created from (docs/architecture.md, "Indexes").
 */
export interface IndexDeclaration {
  name: string;
  /** Field paths, each ascending (1) or descending (-1). */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionDeclaration {
  name: string;
  indexes: IndexDeclaration[];
}

export const collections = [
  { name: 'orgs', indexes: [{ name: 'path', keys: { path: 1 } }] },
  { name: 'users', indexes: [{ name: 'org', keys: { orgId: 1 } }] },
  {
    name: 'proposals',
    indexes: [
      { name: 'author_window_title', keys: { authorOpenid: 1, windowId: 1, titleKey: 1 }, unique: true },
      { name: 'orgPath_created', keys: { orgPath: 1, createdAt: -1 } },
      { name: 'author_created', keys: { authorOpenid: 1, createdAt: -1 } },
    ],
  },
  { name: 'collectWindows', indexes: [{ name: 'org_opens', keys: { orgId: 1, opensAt: 1 }, unique: true }] },
  { name: 'auditLog', indexes: [{ name: 'target', keys: { targetId: 1, at: -1 } }] },
  { name: 'messages', indexes: [{ name: 'recipient', keys: { openid: 1, createdAt: -1 } }] },
] as const satisfies readonly CollectionDeclaration[];

export type CollectionName = (typeof collections)[number]['name'];
