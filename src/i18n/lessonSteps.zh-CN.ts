import type { lessonStepsEn } from './lessonSteps.en';

/** 课程后续各步的简体中文文本（结构与 lessonSteps.en.ts 相同，由 parts.zh-CN.ts 引入）。 */
export const lessonStepsZhCN: typeof lessonStepsEn = {
  steps: {
    tenNumbers: {
      title: '一层，十个数',
      text: '文章中的例子：对 x = [1, …, 10] 使用 nn.Dropout(p=0.7)。每按一次就抽一个新掩码。直方图统计每次传播中十个数里有几个变成了 0。',
      question: 'p = 0.7 时，每次前向传播十个数中有几个被置为 0？',
      choices: {
        exactly7: '每次恰好 7 个',
        about7: '平均约 7 个，但每次都不一样',
        about3: '约 3 个，因为 0.7 是保留的比例',
      },
      explanation:
        '每个数都以 0.7 的概率被独立丢弃，所以 0 的个数服从 Binomial(10, 0.7)：平均 7 个，常常是 6 或 8 个，偶尔 10 个全丢。在 PyTorch 中 p 是丢弃的概率。',
      teacher: {
        goal: '被丢弃的单元数是随机的：服从 Binomial(N, p)，而不是恰好 N·p。',
        ask: '十个数全部被丢弃的情况多久出现一次？把直方图和菱形标记对比一下。',
      },
    },
    scale: {
      title: '为什么是 6.6667？',
      text: '文章的输出里，2 变成了 6.6667，8 变成了 26.6667。“nn.Dropout 逐个数字看”中的表格列出了每个元素的随机数和它的结果。',
      question: '训练时，被保留下来的 2 会变成多少？eval() 又返回什么？',
      choices: {
        inverted: '训练时 2 × 1/(1−0.7) = 6.6667；eval() 原样返回 x',
        dividedByP: '2 / 0.7 = 2.857：保留的值要除以 p',
        stillOn: '训练时是 6.6667，eval() 仍然丢弃 70% 的值',
        restored: '2 还是 2；被丢弃的权重先保存，更新后再放回去',
      },
      explanation:
        'PyTorch 使用“反向 Dropout”（inverted dropout）：保留的值乘以 1/(1−p)，使输出的期望等于输入，而 eval() 是恒等映射。没有任何东西被保存或恢复：下一次传播只是重新抽一个掩码。',
      teacher: {
        goal: '反向 Dropout 把保留的激活值放大 1/(1−p)；eval() 是恒等映射。',
        ask: '既然测试时什么都不缩放，为什么训练时要把保留的值放大？',
      },
    },
    perExample: {
      title: '整个网络：每个样本一个掩码',
      text: '回到网络。一个训练批次有 20 个样本，隐藏层有 128 个单元。一次单步传播一次，然后切换显示的样本。',
      question: '在一次前向传播中，20 个样本共用同一个 Dropout 掩码吗？',
      choices: {
        shared: '是的：每次传播一个掩码，整个批次共用',
        ownAboutHalf: '不是：每个样本各抽一个掩码，128 个中约 64 个被关掉（p = 0.5），数量会变',
        ownExactlyHalf: '不是，但每个样本恰好关掉 128 个中的 64 个',
      },
      explanation:
        '批次中的每个样本都经过自己独立抽取的稀疏子网络：隐藏层约一半的单元被关掉（p = 0.5），每个样本、每次传播关掉的都不一样。',
      teacher: {
        goal: '掩码按样本、按传播抽取：一个批次同时训练许多稀疏子网络。',
        ask: '这个批次训练一轮，会训练多少个不同的稀疏子网络？',
      },
    },
    overfit: {
      title: '不用 Dropout 时的过拟合',
      text: '看损失曲线上不用 Dropout 的网络的实线验证损失，以及“拟合出的函数”图上它对数据点的拟合。',
      question: '随着训练进行，不用 Dropout 的验证损失会怎样变化？',
      choices: {
        keepsFalling: '像训练损失一样一直下降',
        minThenRise: '先下降，到达最低点，然后又上升',
        flat: '根本不下降：20 个点太少，什么都学不到',
      },
      explanation:
        '训练损失一直下降，因为网络在记住 20 个点的噪声。验证损失是在新数据上测的，它只下降到拟合最好的时候，然后开始上升：网络过拟合了。',
      teacher: {
        goal: '认出过拟合：验证损失有一个最低点，之后在训练损失下降时反而上升。',
        ask: '你会在哪里停止训练？如果没有验证曲线，你怎么知道？',
      },
    },
    withDropout: {
      title: '用了 Dropout',
      text: '现在在损失曲线上对比用了 Dropout 的孪生网络。点线是它在开着 Dropout 时测得的训练损失，也就是训练过程中的样子。',
      question: '和不用 Dropout 的网络相比，用了 Dropout 会怎样？',
      choices: {
        trainHigherValLower: '训练损失更高，但验证损失更低',
        bothLower: '训练损失和验证损失都更低',
        noisyIsVal: '开着 Dropout 的那条嘈杂训练损失就代表它在新数据上的表现',
      },
      explanation:
        'Dropout 不会把训练点拟合得那么紧，所以训练损失更高；但它泛化得更好，所以验证损失更低。开着 Dropout 测得的训练损失来自稀疏子网络，而不是你实际使用的网络：应该比较 eval 模式下的曲线。',
      teacher: {
        goal: 'Dropout 用训练损失换验证损失；开着 Dropout 的训练损失不能直接比较。',
        ask: '为什么开着 Dropout 测得的损失比 eval 模式下的更高、更嘈杂？',
      },
    },
    ensemble: {
      title: '许多稀疏子网络，一个网络',
      text: '训练时抽取的是稀疏子网络。“拟合出的函数”图显示 eval 网络（全部单元都开着），色带则是许多稀疏子网络的平均（MC Dropout）。网络图显示的是其中一个。',
      question: '许多稀疏子网络的平均，和那一个 eval 网络相比如何？',
      choices: {
        close: '几乎是同一条曲线：eval() 是这个平均的廉价替代',
        mustAverage: '差别很大：测试时必须开着 Dropout 并平均许多掩码',
        unrelated: '毫无关系：eval 网络恢复的是训练前的权重',
      },
      explanation:
        '因为保留的值被放大了 1/(1−p)，eval 网络只需一次传播就给出所有稀疏子网络的平均。这里被丢弃的层直接连到输出，所以它正好等于平均；层数更多时它是很接近的近似（Srivastava 等 2014 发现约 50 个掩码起两者就一致）。所以 PyTorch 在 eval() 中关掉 Dropout。',
      teacher: {
        goal: '权重缩放：一次 eval 传播就给出稀疏子网络的平均；被丢弃的层直接连到输出时正好相等，层数更多时非常接近。',
        ask: '为什么测试时不干脆平均 1000 个掩码？',
      },
    },
    chooseP: {
      title: '如何选择 p',
      text: '扫描会用几个随机种子，对 p = 0, 0.1, …, 0.8 分别训练同一个场景，并画出最终的验证损失。在 PyTorch 中 p 是丢弃概率；原始论文中的 p 是保留概率。',
      question: '最低的验证损失会出现在哪里？',
      choices: {
        largest: '在最大的 p：Dropout 越多，过拟合越少',
        middle: '在中间某处：太少和太多都不好',
        keepMeaning: '在 p = 0.8，因为论文推荐 p = 0.5–0.8',
      },
      explanation:
        'Dropout 太少，过拟合还在；太多，网络又弱到拟合不了正弦曲线。最好的 p 在两者之间。论文里的 0.5–0.8 是保留概率，相当于 PyTorch 的 p = 0.2–0.5。',
      teacher: {
        goal: 'p 是一个最优区间较宽的超参数；p 的含义要看所用的框架。',
        ask: '把论文中的保留概率 0.8 换算成 PyTorch 的 p。',
      },
    },
    moreData: {
      title: '数据越多，越不需要',
      text: '还是这对孪生网络，但训练点从 20 个变成 300 个。在 10、30、100、300 个点之间切换，观察损失曲线上两条验证曲线的差距。',
      question: '有 300 个训练点时，Dropout 的优势会怎样？',
      choices: {
        sameGain: '和 20 个点时一样大',
        smallerGain: '变小：数据充足时，需要对抗的过拟合很少',
      },
      explanation:
        '充足的数据本身就是一种正则化：网络很难像记住 20 个点那样记住 300 个点，所以留给 Dropout 消除的过拟合更少（Srivastava 等 2014，图 10；玩具问题不会重现 MNIST 的数字）。',
      teacher: {
        goal: 'Dropout 的收益取决于数据：数据相对模型越少，收益越大。',
        ask: '数据充足时，Dropout 为什么仍可能带来代价？',
      },
    },
    uncertainty: {
      title: '不确定性',
      text: '预测时保持 Dropout 开启并做多次传播：结果的离散程度就是“拟合出的函数”图上的色带（MC Dropout）。这里训练点在中间留了一个空缺，网络使用 ReLU。',
      question: 'MC Dropout 的色带在哪里最宽？',
      choices: {
        inGap: '在空缺处，那里没有训练点',
        everywhere: '各处一样宽',
        atNoisyPoints: '在训练点噪声最大的地方',
      },
      explanation:
        '网络见过数据的地方，各个稀疏子网络的意见一致；在空缺处没有数据约束它们，于是意见分歧，色带变宽。用 tanh 时这个效果很弱：这个预设经测量选用了 ReLU。',
      teacher: {
        goal: 'MC Dropout 把 Dropout 变成一种粗略的不确定性度量。',
        ask: '这里色带变宽，度量的是数据中的噪声，还是模型不知道的东西？',
      },
    },
    costs: {
      title: '代价，以及要记住的',
      text: 'Dropout 不是免费的。在损失曲线上，开着 Dropout 的训练损失很嘈杂，下降得也慢。回顾：每次传播随机丢弃单元，保留的值放大 1/(1−p)，eval() 关掉 Dropout。',
      question: '下面哪一项是 Dropout 真实的代价？',
      choices: {
        slowerNoisier: '训练需要更多轮，损失也更嘈杂',
        keepOn: '训练好的网络在使用时必须一直开着 Dropout',
        noCost: '没有代价：Dropout 越多只会越好',
      },
      explanation:
        'Dropout 会减慢训练、让损失变得嘈杂；数据充足或模型欠拟合时它帮助不大；放在 BatchNorm 层之前时，它会让训练和 eval 之间的激活方差发生偏移。在大模型遇到少量数据时使用它。',
      teacher: {
        goal: '总结：Dropout 何时有用、何时没用，以及它的代价。',
        ask: '说出一个你不会使用 Dropout 的场景。',
      },
    },
  },
  experiments: {
    run: '运行实测实验',
    runAgain: '再运行一次',
    cost: (runs: number) => `在后台线程中训练 ${runs} 次：约半分钟，电脑忙时会更久。`,
    running: (done: number, total: number) => `运行中：已完成 ${done} / ${total} 次。`,
    failed: (message: string) => `实验中止：${message}`,
    ensembleCaption: (seeds: number) =>
      `这里实测：用 ${seeds} 个随机种子训练默认场景；在 200 个验证点上，比较 K 个稀疏子网络的平均与那一个 eval 网络。`,
    colK: 'K（平均的掩码数）',
    colGap: '与 eval 网络的平均距离',
    colRelative: '相对 K = 1',
    ensembleSummary: (gap1: string, gapLast: string, kLast: number) =>
      `距离从单个稀疏子网络的 ${gap1} 降到 ${kLast} 个平均的 ${gapLast}：平均越来越接近 eval 网络。`,
    dataCaption: (seeds: number) => `这里实测：每种规模用 ${seeds} 个随机种子训练两个孪生网络；最终验证损失（各种子的平均）。`,
    colN: '训练点数',
    colPlain: '不用 Dropout',
    colDropout: '用 Dropout',
    colGain: '收益',
    colWins: 'Dropout 胜出的种子数',
    dataSummary: (gainSmall: string, nSmall: number, gainLarge: string, nLarge: number) =>
      `${nSmall} 个点时 Dropout 的收益为 ${gainSmall}，${nLarge} 个点时为 ${gainLarge}。这是玩具问题，不是 MNIST：看趋势，不必看具体数字。`,
  },
  reveals: {
    overfitWaiting: (bestVal: string, bestEpoch: number, epoch: number) =>
      `到目前为止，不用 Dropout 的最低验证损失是 ${bestVal}，出现在第 ${bestEpoch} 轮；你的训练在第 ${epoch} 轮。继续播放，看它会不会上升。`,
    overfitRise: (bestVal: string, bestEpoch: number, val: string, epoch: number, rise: string) =>
      `在你的这次训练中，不用 Dropout 的验证损失在第 ${bestEpoch} 轮降到 ${bestVal}，到第 ${epoch} 轮又升到 ${val}：是最低值的 ${rise} 倍。`,
    dropoutRun: (epoch: number, trainPlain: string, trainDropout: string, valPlain: string, valDropout: string, on: string, onRatio: string) =>
      `在你的这次训练中，第 ${epoch} 轮：训练损失不用 Dropout 为 ${trainPlain}，用 Dropout 为 ${trainDropout}（eval 模式）；验证损失分别为 ${valPlain} 和 ${valDropout}。开着 Dropout 的训练损失为 ${on}，是 eval 模式值的 ${onRatio} 倍。`,
    tensorTally: (passes: number, fewest: number, most: number, expected: number, atExpected: number, share: string, binomial: string) =>
      `在你的 ${passes} 次传播中，0 的个数从 ${fewest} 到 ${most} 不等；恰好 ${expected} 个的有 ${atExpected} 次（${share}）。Binomial(10, 0.7) 预测为 ${binomial}。`,
    tensorFewPasses: '一次传播说明不了什么：再抽 100 次，看直方图慢慢填满。',
    tensorScale: (scale: string, x: string, output: string, dividedByP: string) =>
      `这里算出的 float32 结果：1/(1−0.7) = ${scale}。保留下来的 ${x} 变成了 ${output}；如果除以 p 会得到 ${dividedByP}。把模块模式切换到 eval()，可以看到 x 原样输出。`,
    networkPass: (sample: number, dropped: string) =>
      `在显示的这次传播中，样本 ${sample} 关掉了 ${dropped} 个单元。换一个样本看看：同一次传播，不同的掩码。`,
    networkWaiting: '先单步传播一次，抽出第一批掩码；然后比较两个样本。',
    mcGap: (epoch: number, gap: string, spread: string) =>
      `在你的这次训练中，第 ${epoch} 轮时稀疏子网络的平均（色带中线）与 eval 网络的曲线平均只相差 ${gap}，而单个稀疏子网络的离散约为 ±${spread}。`,
    mcBand: (epoch: number, inGap: string, outside: string, ratio: string) =>
      `在你的这次训练中，第 ${epoch} 轮时色带在空缺处宽 ${inGap}，在有数据点处宽 ${outside}：空缺处宽 ${ratio} 倍。`,
    sweepWaiting: '运行扫描（约半分钟）：之后这里会引用它的数字。',
    sweep: (bestP: string, bestVal: string, zeroVal: string, maxP: string, maxVal: string) =>
      `在你的扫描中，最低的平均验证损失 ${bestVal} 出现在 p = ${bestP}；p = 0 时为 ${zeroVal}，p = ${maxP} 时为 ${maxVal}。`,
    dataSize: (n: number, epoch: number, plain: string, dropout: string, gain: string) =>
      `在你这次有 ${n} 个训练点的训练中，第 ${epoch} 轮：验证损失不用 Dropout 为 ${plain}，用 Dropout 为 ${dropout}：Dropout 让它降低了 ${gain}。`,
  },
  startAgain: {
    button: '重新开始本课',
    ask: (answers: number) => `清除本标签页中已作答的 ${answers} 道题，并回到第 1 步？`,
    confirm: '清除并重新开始',
    cancel: '保留我的作答',
    done: '作答已清除：课程从第 1 步重新开始。',
  },
};
