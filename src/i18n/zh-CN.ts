import type { Strings } from './en';

/** 简体中文。Typed by the English file, so a missing key fails the build. */
export const zhCN: Strings = {
  locale: 'zh-CN',
  app: {
    title: 'Dropout Lab',
    tagline: '看暂退法（Dropout）如何让神经元随机停止工作，又如何抑制过拟合。',
    languageLabel: '语言',
    skipToContent: '跳到实验内容',
    loading: '加载中…',
  },
  panels: {
    tensor: 'nn.Dropout 逐个数字看',
    network: '会“眨眼”的网络',
    loss: '损失曲线',
    fit: '拟合出的函数',
  },
  notices: {
    dismiss: '关闭',
    ignoredParam: (name: string, value: string, reason: string) =>
      `已忽略网址参数“${name}=${value}”：${reason}。已改用默认值。`,
  },
  tensor: {},
  network: {},
  loss: {},
  fit: {},
  settings: {},
  sweep: {},
  explain: {},
  shell: {},
  help: {},
  embed: {},
};
