import { useRef, useState } from 'react';
import type { PartStrings } from '../../i18n';

interface Props {
  code: string;
  label: string;
  copyLabel: string;
  testId: string;
  strings: PartStrings['tensor'];
}

/** Selects the code so the student can copy it by hand when the Clipboard API is missing or refused. */
function selectContents(element: HTMLElement | null): void {
  if (!element) return;
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** A scrollable code block with a copy button and a visible, announced result. */
export function CopyableCode({ code, label, copyLabel, testId, strings }: Props) {
  const codeRef = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      // Insecure origins (plain http on a school server) have no navigator.clipboard at all.
      if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(code);
      setStatus('copied');
    } catch {
      selectContents(codeRef.current);
      setStatus('failed');
    }
  }

  return (
    <div className="tensor-code-block">
      <pre tabIndex={0} aria-label={label} data-testid={testId}>
        <code ref={codeRef}>{code}</code>
      </pre>
      <div className="tensor-copy-row">
        <button type="button" onClick={copy} aria-label={copyLabel} data-testid={`${testId}-copy`}>
          {strings.copy}
        </button>
        <span role="status" className={status === 'failed' ? 'field-error' : 'tensor-copy-status'} data-testid={`${testId}-status`}>
          {status === 'copied' ? strings.copied : status === 'failed' ? strings.copyFailed : ''}
        </span>
      </div>
    </div>
  );
}
