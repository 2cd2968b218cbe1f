import type { PartStrings } from '../../i18n';
import { plainNumber, shortNumber } from './numberText';
import { compareConventions } from '../../engine';

interface Props {
  x: number;
  p: number;
  strings: PartStrings['tensor'];
}

/** PyTorch's inverted dropout next to the paper's test-time weight scaling, for one element of x (numbers from the engine). */
export function ConventionTable({ x, p, strings }: Props) {
  const c = compareConventions(x, p);
  return (
    <section className="tensor-section" aria-labelledby="tensor-conventions-title">
      <h3 id="tensor-conventions-title">{strings.conventionsHeading}</h3>
      <p>{strings.conventionsIntro(String(p), plainNumber(c.keep))}</p>
      <p>{strings.conventionsFor(plainNumber(c.x))}</p>
      <table className="tensor-small-table" data-testid="tensor-conventions">
        <thead>
          <tr>
            <th scope="col">{strings.colConvention}</th>
            <th scope="col">{strings.colTrainExpected}</th>
            <th scope="col">{strings.colTest}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{strings.pytorchRow}</th>
            <td className="num">
              {plainNumber(c.keep)} × {plainNumber(c.x)} × {shortNumber(c.scale)} = {plainNumber(c.pytorchTrainExpected)}
            </td>
            <td className="num">{plainNumber(c.pytorchEval)}</td>
          </tr>
          <tr>
            <th scope="row">{strings.paperRow}</th>
            <td className="num">
              {plainNumber(c.keep)} × {plainNumber(c.x)} = {plainNumber(c.paperTrainExpected)}
            </td>
            <td className="num">{plainNumber(c.paperTest)}</td>
          </tr>
        </tbody>
      </table>
      <p>{p === 1 ? strings.conventionsPOne : strings.conventionsOutro}</p>
    </section>
  );
}
