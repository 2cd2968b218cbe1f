/**
 * The app's single store. Views read it through selectors and draw; they never compute science themselves.
 * Training state arrives from the worker (see src/worker/client.ts); settings mirror the URL.
 */
import { create } from 'zustand';
import type { DatasetForDisplay, FitPredictions, Speed } from '../worker/protocol';
import type { Locale } from '../i18n';
import type { KernelEngine } from '../engine';
import { defaultUrlSettings, type PanelName, type UrlNotice, type UrlSettings } from './urlSchema';
import { emptyHistory, type LossHistory } from './history';

/** What the network view shows of the latest real training pass of the dropout twin. */
export interface PassView {
  epoch: number;
  forwardPasses: number;
  displaySample: number;
  displayInput: Float32Array;
  masks: Uint8Array[];
  activations: Float32Array[];
  evalActivations: Float32Array[];
  output: number;
  /** Layers of this pass computed so far, input first (slow motion reveals a pass layer by layer). */
  revealLayers: number;
}

export interface McBand {
  epoch: number;
  xs: Float32Array;
  mean: Float32Array;
  std: Float32Array;
}

/** A message shown in the notice area; `key` lets a newer notice of the same kind replace an older one. */
export interface AppNotice {
  id: number;
  key: string;
  kind: 'info' | 'warning' | 'error';
  /** Translated at render time from these parts, so switching language re-words existing notices. */
  message: { code: 'urlParam'; notice: UrlNotice } | { code: 'text'; id: NoticeTextId; args?: (string | number)[] };
}

export type NoticeTextId =
  | 'workerRestarted'
  | 'diverged'
  | 'trainingReset'
  | 'trainingError'
  | 'workerUnavailable'
  | 'newVersion'
  | 'offlineReady'
  | 'fullscreenUnavailable'
  | 'localeUnavailable'
  | 'partUnavailable';

export interface TrainingState {
  runId: number;
  running: boolean;
  speed: Speed;
  epoch: number;
  forwardPasses: number;
  diverged: boolean;
  /** The run reached the end of its epoch budget; play ("Continue") trains for another budget. */
  finished: boolean;
  /** The epoch at which the run stops (0 until the worker says). */
  budgetEnd: number;
  epochsPerSecond: number;
  /** The worker's matrix-product code (a diagnostic for the speed readout; null before the first snapshot). */
  layerKernel: KernelEngine | null;
  pass: PassView | null;
  history: LossHistory;
  dataset: DatasetForDisplay | null;
  fit: FitPredictions | null;
  mc: McBand | null;
}

export interface AppState {
  settings: UrlSettings;
  /** The language in use: the URL's, else the browser's. */
  locale: Locale;
  reducedMotion: boolean;
  /** Panels shown large (keys 1–4): none means all panels; at most two, side by side on a wide screen. */
  focusPanels: PanelName[];
  notices: AppNotice[];
  /** The id of the last notice pushed: each new notice takes the next, so a replaced notice is a new element. */
  lastNoticeId: number;
  training: TrainingState;
  /**
   * Which example of the training batch (its row, 0-based) the network view shows. Set through
   * showNetworkExample (src/state/training.ts), which also tells the worker.
   */
  networkRow: number;
}

export function initialTraining(speed: Speed = 'full'): TrainingState {
  return {
    runId: 0,
    running: false,
    speed,
    epoch: 0,
    forwardPasses: 0,
    diverged: false,
    finished: false,
    budgetEnd: 0,
    epochsPerSecond: 0,
    layerKernel: null,
    pass: null,
    history: emptyHistory(),
    dataset: null,
    fit: null,
    mc: null,
  };
}

export const useStore = create<AppState>(() => ({
  settings: defaultUrlSettings(),
  locale: 'en',
  reducedMotion: false,
  focusPanels: [],
  notices: [],
  lastNoticeId: 0,
  training: initialTraining(),
  networkRow: 0,
}));

/** Adds a notice, replacing any with the same key so repeated events do not pile up. */
export function pushNotice(notice: Omit<AppNotice, 'id'>): void {
  useStore.setState((state) => ({
    notices: [...state.notices.filter((existing) => existing.key !== notice.key), { ...notice, id: state.lastNoticeId + 1 }],
    lastNoticeId: state.lastNoticeId + 1,
  }));
}

export function dismissNotice(id: number): void {
  useStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

/** Removes the notice of this kind, if any: the problem it reported is over (e.g. a language loaded after all). */
export function dismissNoticeByKey(key: string): void {
  if (!useStore.getState().notices.some((notice) => notice.key === key)) return;
  useStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.key !== key) }));
}
