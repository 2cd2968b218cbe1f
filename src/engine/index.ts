/**
 * Dropout Lab's engine: pure TypeScript with no DOM, importable from Node, tests and the Web Worker.
 * Every number the app shows comes from here.
 */
export { createRng, type Rng } from './rng';
export { assertSeed } from './validate';
export type { KernelEngine } from './kernels/embeddedWasm';
export {
  dropout, dropoutKernel, keeps, dropoutScale, assertDropoutProbability, dropoutProbabilityMessage,
  type DropoutOptions, type DropoutResult,
} from './dropout';
export {
  Mlp, MlpWorkspace, ACTIVATIONS,
  type Activation, type FloatArray, type ForwardOptions, type MlpOptions, type Precision,
} from './mlp';
export { computeLoss, sigmoid, type LossName } from './loss';
export { Adam, Sgd, createOptimizer, OPTIMIZER_NAMES, type AdamOptions, type Optimizer, type OptimizerName, type SgdOptions } from './optim';
export { makeDataset, DEFAULT_GAP, SINE_DOMAIN, type Dataset, type DatasetOptions, type Task } from './data';
export { DATASET_NAMES, DATASET_INPUT_SIZE, type DatasetName } from './datasetNames';
export { mcDropoutPredict, bandSpread, type McOptions, type McPrediction } from './mc';
export {
  DEFAULT_SCENARIO, UNCERTAINTY_PRESET, UNCERTAINTY_PRESET_EPOCHS, SCENARIO_LIMITS, validateScenario,
  type ResolvedScenario, type ScenarioOptions,
} from './scenario';
export { TwinTrainer, simulate, trainToBudget, deriveSeed, type LossPoint, type SimulationResult } from './trainer';
export { lossHistoryToCsv } from './lossCsv';
export { binomialPmf, binomialProbability, binomialMean, binomialStandardDeviation } from './binomial';
export { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from './articleExample';
export {
  UniformDrawCache, dropoutPass, tallyDropoutPasses, runDropoutLab, largestMeanGap,
  type DropoutPass, type DropoutPassOptions, type ZeroCountTally, type DropoutLabSettings, type DropoutLabRun,
} from './dropoutPasses';
export { compareConventions, checkArticleRule, type ConventionComparison, type ArticleRuleCheck } from './dropoutConventions';
export { summarizeOverfitting, validationGap, type OverfittingSummary, type ValidationGap } from './overfitting';
export { steepestSlope, checkRun, tabulateChecks, SLOPE_GRID_POINTS, type DefaultRunCheck, type DefaultClaimsTable } from './claims';
/*
 * The experiments (Srivastava et al. 2014, Figs. 9–11) as job lists, a pure runExperimentJob(job) and a pure
 * combineExperiment(name, results): a pool of workers runs the jobs with progress and cancel.
 */
export {
  EXPERIMENT_NAMES, EXPERIMENT_DEFAULT_SEEDS, experimentJobs, runExperimentJob, combineExperiment, runExperiment,
  ensembleJobs, runEnsembleJob, combineEnsemble, ENSEMBLE_KS,
  dataSizeJobs, runDataSizeJob, combineDataSize, DATA_SIZES,
  fixedUnitsJobs, runFixedUnitsJob, combineFixedUnits, keptUnitsWidth, FIXED_UNITS_N, FIXED_UNITS_PS,
  trainOneTwin, experimentTableToCsv, experimentTableToMarkdown, EXPERIMENT_EVAL_EVERY, EXPERIMENT_TAIL,
  type ExperimentName, type ExperimentJob, type ExperimentJobResult, type ExperimentOptions, type ExperimentTable,
  type EnsembleJob, type EnsembleJobResult, type DataSizeJob, type DataSizeJobResult,
  type FixedUnitsJob, type FixedUnitsJobResult, type FixedUnitsForm, type TrainedModel,
} from './experiments';
