export * from './channel-sender';
export * from './channel-senders';
export * from './delivery.error';
export * from './dingtalk.robot';
export * from './email.sender';
export * from './feishu.robot';
export { DEFAULT_ROBOT_TIMEOUT_MS, type RobotOptions } from './robot-webhook';
export * from './wecom.robot';
