/**
 * The living network: the dropout twin drawn unit by unit with the real mask of its latest training pass, the
 * epoch counter, a readout of the pass, the choice of which example of the batch to show, and the training
 * controls. Training itself starts in main.tsx, so it runs even when an embedding page hides this panel.
 */
import { useMemo } from 'react';
// The engine's own module, not its index: the network is on the first screen (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { DATASET_INPUT_SIZE } from '../../engine/datasetNames';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { NetworkControls } from './NetworkControls';
import { NetworkDiagram } from './NetworkDiagram';
import { EpochCounter, NetworkReadout } from './NetworkReadout';
import { ExampleChooser } from './ExampleChooser';
import { boostText } from './passSummary';
import './network.css';

export function NetworkPanel() {
  const strings = useStrings().network;
  const layers = useStore((state) => state.settings.layers);
  const data = useStore((state) => state.settings.data);
  const datasetInputs = useStore((state) => state.training.dataset?.inputSize);
  const view = useStore((state) => state.settings.netview);
  const p = useStore((state) => state.settings.p);
  const locale = useStore((state) => state.locale);
  const layersKey = layers.join(',');
  // Until the worker has sent the data set, the engine's table says how many inputs this data set has.
  const inputSize = datasetInputs ?? DATASET_INPUT_SIZE[data];
  const hidden = useMemo(() => layersKey.split(',').map(Number), [layersKey]);
  const widths = useMemo(() => [inputSize, ...hidden, 1], [inputSize, hidden]);

  return (
    <div className="net-panel" data-view={view}>
      <div className="net-status">
        <EpochCounter />
        <NetworkReadout hidden={hidden} />
      </div>
      <ExampleChooser />
      <NetworkDiagram widths={widths} />
      <ul className="net-legend">
        {view === 'train' ? (
          <>
            <li><span className="net-key net-key-kept" aria-hidden="true" />{strings.legendKept(boostText(p, locale))}</li>
            <li><span className="net-key net-key-dropped" aria-hidden="true" />{strings.legendDropped}</li>
            <li><span className="net-key net-key-pending" aria-hidden="true" />{strings.legendPending}</li>
          </>
        ) : (
          <li><span className="net-key net-key-kept" aria-hidden="true" />{strings.legendEval}</li>
        )}
      </ul>
      <NetworkControls />
    </div>
  );
}
