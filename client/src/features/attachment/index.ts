export { AttachmentField } from './AttachmentField';
export { useAttachments, type AttachmentItem, type Attachments } from './hooks';
