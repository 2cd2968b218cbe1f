import { beforeEach, describe, expect, it } from 'vitest';
import { dismissNotice, pushNotice, useStore } from './store';

const text = (key: string) => ({ key, kind: 'info' as const, message: { code: 'text' as const, id: 'offlineReady' as const } });

describe('notices', () => {
  beforeEach(() => useStore.setState({ notices: [], lastNoticeId: 0 }));

  it('gives every notice pushed a new id, also one that replaces a notice of the same key', () => {
    pushNotice(text('a'));
    pushNotice(text('b'));
    pushNotice(text('a'));
    const { notices } = useStore.getState();
    expect(notices.map((notice) => notice.key)).toEqual(['b', 'a']);
    expect(notices.map((notice) => notice.id)).toEqual([2, 3]);
    // A dismissed notice's id is not used again: the next notice is a new element, not the old one back.
    dismissNotice(3);
    pushNotice(text('c'));
    expect(useStore.getState().notices.map((notice) => notice.id)).toEqual([2, 4]);
  });
});
