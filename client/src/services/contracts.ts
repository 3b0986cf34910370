/**
 * Contracts of the functions the main package calls, registered once when `call` loads. The project
 * and survey functions are not here: `features/project` and `features/survey/api.ts` register them, so
 * their schemas ship in their subpackages (首页 registers light checks of the one reply each it reads).
 * A feature whose calls all live in a subpackage can move its line into its own `api.ts` to take its
 * schemas out of the main package too.
 */
import { currentWindowOutputSchema } from '@shishi/shared-types/src/schemas/collectWindow';
import { messageContracts } from '@shishi/shared-types/src/contracts/message';
import { orgContracts } from '@shishi/shared-types/src/contracts/org';
import { profileContracts } from '@shishi/shared-types/src/contracts/profile';
import { proposalPageSchema, supportOutputSchema } from '@shishi/shared-types/src/schemas/proposal';
import { registerContracts } from './callCore';

registerContracts('profile', profileContracts);
registerContracts('org', orgContracts);
// 首页 and 提建议 read the current window; 征集期管理 (staff subpackage) registers the whole table.
registerContracts('collectWindow', { current: { output: currentWindowOutputSchema } }, { keepExisting: true });
// The four proposal replies main-package pages read; the whole table is registered by
// features/proposal/contracts.ts where subpackages call the rest (it wins over these).
registerContracts(
  'proposal',
  {
    list: { output: proposalPageSchema },
    listMine: { output: proposalPageSchema },
    support: { output: supportOutputSchema },
    unsupport: { output: supportOutputSchema },
  },
  { keepExisting: true },
);
registerContracts('message', messageContracts);
