import { useEffect, useRef, useState } from 'react';

/**
 * The text of a field whose value can also change elsewhere (a shortcut, the embed bridge, buttons beside it):
 * the draft follows `valueText` unless the user is in the middle of correcting a rejected entry, which is
 * never overwritten. The caller parses the draft and says whether it was rejected with setInvalid.
 */
export function useFieldDraft(valueText: string) {
  const [draft, setDraft] = useState(valueText);
  const [invalid, setInvalid] = useState(false);
  const invalidRef = useRef(invalid);
  invalidRef.current = invalid;
  useEffect(() => {
    if (!invalidRef.current) setDraft(valueText);
  }, [valueText]);
  return { draft, setDraft, invalid, setInvalid };
}
