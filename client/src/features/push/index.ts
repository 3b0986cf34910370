/** 订阅消息 (issue 13): the project page's 消息提醒 and the subscriptions screen's pieces. */
export { ProjectSubscribe } from './ProjectSubscribe';
export { useSubscriber } from './hooks';
export { stateText, topicHelp, topicsOf, workerTopics } from './state';
