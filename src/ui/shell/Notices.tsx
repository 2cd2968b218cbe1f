import { dismissNotice, useStore, type AppNotice } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';
import type { Strings } from '../../i18n';

function describe(notice: AppNotice, strings: Strings): string {
  const { message } = notice;
  if (message.code === 'urlParam') {
    const { param, value, expected } = message.notice;
    return strings.notices.ignoredParam(param, value, expected);
  }
  return message.id;
}

/** The notice area: URL problems, worker restarts, divergence. A polite live region, so it is announced. */
export function Notices() {
  const strings = useStrings();
  const notices = useStore((state) => state.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} data-notice-key={notice.key}>
          <span>{describe(notice, strings)}</span>
          <button type="button" className="notice-dismiss" onClick={() => dismissNotice(notice.id)}>
            {strings.notices.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
