import type { lessonEn } from './lesson.en';

/** 课程的简体中文文本（结构与 lesson.en.ts 相同，由 zh-CN.ts 引入）。 */
export const lessonZhCN: typeof lessonEn = {
  screensLabel: '界面',
  lesson: '课程',
  lab: '实验室',
  skipToLesson: '跳到课程内容',
  progress: (step: number, total: number) => `第 ${step} 步，共 ${total} 步`,
  progressLabel: '课程进度',
  stepShown: (progress: string, title: string) => `${progress}：${title}`,
  back: '上一步',
  next: '下一步',
  nextHint: '按键：← → 或 Page Up / Page Down',
  questionLabel: '先预测',
  check: '检查我的答案',
  skip: '跳过，直接看结果',
  tryAgain: '重新作答',
  chooseFirst: '请先选一个答案，或选择跳过。',
  right: '答对了。',
  notQuite: '不太对。',
  skipped: '结果是这样的。',
  answerIs: '答案：',
  misconceptionNote: (belief: string) => `这个选项基于一个常见误解：“${belief}”`,
  figureLabel: '本步骤的图',
  lastStep: '这是最后一步。实验室里有全部面板和设置，可以继续探索。',
  openLab: '打开实验室',
  actions: {
    play: '▶ 同时训练两个网络',
    pause: '❚❚ 暂停',
    continue: '▶ 两个网络继续训练',
    forward100: '再抽 100 次',
    stepPass: '单步前向传播一次',
    sweep: '运行 p 扫描',
  },
  variantN: '训练点数',
  misconceptions: {
    dividedByP: '保留下来的值要除以 p。',
    exactlyNp: '每次恰好丢弃 N·p 个单元。',
    weightsSavedRestored: '被丢弃的权重会先保存、之后再恢复。',
    pIsKeep: 'p 是保留一个单元的概率。',
    onAtTest: '使用网络（预测）时 Dropout 仍然开着。',
    dropoutTrainLossComparable: '开着 Dropout 测得的训练损失可以直接和验证损失比较。',
    moreDropoutAlwaysBetter: 'Dropout 越多越好。',
    helpsWithPlentifulData: '数据充足时，Dropout 的帮助一样大。',
    sameMaskForBatch: '同一批次的所有样本共用一个掩码。',
    trainLossShowsGeneralisation: '训练损失越低，对新数据的预测就越好。',
    allUnitsAlwaysBetter: '每次都用上全部单元，总能学得更好。',
    uncertaintyEverywhere: 'MC Dropout 在各处的不确定性都一样。',
  },
  teacher: {
    goal: '目标',
    misconception: '常见误解',
    ask: '向全班提问',
    minutes: (minutes: number) => `${minutes} 分钟`,
  },
  steps: {
    hook: {
      title: '两个网络，一个用了 Dropout',
      text: '“会眨眼的网络”在学习 20 个带噪声的点。它的孪生网络学习同样的点，但每次前向传播都随机关掉一些神经元。损失曲线同时记录两者。',
      question: '哪一个网络对新数据的预测会更好（验证损失更低）？',
      choices: {
        dropout: '用了 Dropout 的那个',
        plain: '没用 Dropout 的那个：它用上全部神经元',
        same: '一样：学同样的点，结果也一样',
      },
      explanation:
        '只有 20 个点时，不用 Dropout 的网络会开始记住噪声。Dropout 让每次前向传播都训练一个不同的“稀疏子网络”，任何神经元都不能依赖别的神经元，于是孪生网络学到的是平滑的形状。',
      teacher: {
        goal: '引入：先做出预测，再观看两个网络的训练。',
        ask: '为什么随机关掉神经元反而能帮助网络，而不是损害它？',
      },
    },
  },
  reveals: {
    waitPlay: (epoch: number, needed: number) =>
      `你的训练现在在第 ${epoch} 轮。按“播放”：从第 ${needed} 轮起，这里会显示你这次训练自己的数字，并随训练更新。`,
    twinRun: (epoch: number, plain: string, dropout: string, ratio: string) =>
      `在你的这次训练中，第 ${epoch} 轮时验证损失不用 Dropout 为 ${plain}，用 Dropout 为 ${dropout}：不用时大 ${ratio} 倍。`,
    twinRunReversed: (epoch: number, plain: string, dropout: string) =>
      `在你的这次训练中，第 ${epoch} 轮时验证损失不用 Dropout 为 ${plain}，用 Dropout 为 ${dropout}：这里 Dropout 还没有领先。继续训练，或换一个随机种子。`,
  },
};
