import { dismissNotice, useStore, type AppNotice } from '../../state/store';
import { useStrings } from '../useStrings';
import type { Strings } from '../../i18n';
import { reloadToNewVersion } from '../../state/offline';

/** Words a notice at render time, so switching language re-words the notices already on screen. */
export function describeNotice(notice: AppNotice, strings: Strings): string {
  const { message } = notice;
  const texts = strings.notices;
  if (message.code === 'urlParam') {
    const { param, value, reason, expected } = message.notice;
    if (reason === 'unknownParameter') return texts.unknownParam(param);
    const expectedText = param === 'layers' ? texts.expectedLayers : expected;
    return texts.ignoredParam(param, value, texts.reasons[reason], expectedText);
  }
  const [first] = message.args ?? [];
  switch (message.id) {
    case 'diverged':
    case 'trainingError':
      return texts.texts[message.id](first);
    default:
      return texts.texts[message.id]();
  }
}

/**
 * Notices that arrive unasked at any moment, not in answer to something the user did or to the URL: they float
 * over the bottom of the window (see .notices-floating), so they never push the lab down while it is read.
 */
const FLOATING_KEYS: ReadonlySet<string> = new Set(['offlineReady', 'newVersion']);

function NoticeItem({ notice, strings }: { notice: AppNotice; strings: Strings }) {
  return (
    <div className={`notice notice-${notice.kind}`} data-notice-key={notice.key}>
      <span>{describeNotice(notice, strings)}</span>
      <span className="notice-actions">
        {notice.message.code === 'text' && notice.message.id === 'newVersion' && (
          <button type="button" className="primary" onClick={reloadToNewVersion}>
            {strings.notices.reload}
          </button>
        )}
        <button type="button" className="notice-dismiss" onClick={() => dismissNotice(notice.id)}>
          {strings.notices.dismiss}
        </button>
      </span>
    </div>
  );
}

/** The notice area: URL problems, worker restarts, divergence, a new version. A polite live region. */
export function Notices() {
  const strings = useStrings();
  const notices = useStore((state) => state.notices);
  const floating = notices.filter((notice) => FLOATING_KEYS.has(notice.key));
  return (
    <div className="notices" role="status" aria-live="polite" aria-label={strings.notices.regionLabel}>
      {notices
        .filter((notice) => !FLOATING_KEYS.has(notice.key))
        .map((notice) => (
          <NoticeItem key={notice.id} notice={notice} strings={strings} />
        ))}
      <div className="notices-floating">
        {floating.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} strings={strings} />
        ))}
      </div>
    </div>
  );
}
