/**
 * The proposal function's whole contract table, registered by the modules that make the calls only
 * subpackages make (提建议, 修改, 撤回, 建议详情, 线下录入, screening). The main package registers light
 * checks of the four replies its pages read (services/contracts.ts), so the merge-job, screening and
 * timeline schemas stay out of it.
 */
import { proposalContracts } from '@shishi/shared-types/src/contracts/proposal';
import { registerContracts } from '../../services/call';

registerContracts('proposal', proposalContracts);
