// Vitest 5's failure reporter calls Map.groupBy, which Node 20 lacks (it arrived in Node 21). Without this, a
// failing unit test crashes the reporter and prints no details. Loaded with `node --import` for the test run only.
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value(items, keyOf) {
      const groups = new Map();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}
