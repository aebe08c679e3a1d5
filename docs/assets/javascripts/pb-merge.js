/* 销售作战手册 — merging two copies of the deal store, for two tabs open at once.
 *
 * Each tab writes its change into a fresh read of storage, but two tabs can still write
 * within the same few milliseconds, the later write carrying a copy that lacks the earlier
 * one's change. When a tab then sees the other's write (a `storage` event), it merges the
 * two copies and writes the result back, so both converge and no change is lost:
 *   - a deal is kept if either copy has it, unless it was deleted (a time in `removed`)
 *     and not changed since;
 *   - a checklist item's entry is taken from the copy that changed it last (`at`);
 *   - any other value that only one copy changed (compared with what this tab last read)
 *     is taken from that copy; a value both changed is settled the same way in every tab.
 * Nothing is ever removed because one copy lacks it.
 */
(function () {
  "use strict";
  var PB = (window.PB = window.PB || {});

  /** @param {unknown} value @returns {value is Object<string, any>} */
  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /** @param {unknown} a @param {unknown} b */
  function same(a, b) {
    return PB.canonical(a) === PB.canonical(b);
  }

  /** Two changes to one value: the same winner in every tab, whichever merges. */
  function settle(/** @type {unknown} */ a, /** @type {unknown} */ b) {
    return PB.canonical(a) >= PB.canonical(b) ? a : b;
  }

  /**
   * Three-way merge of plain JSON values: base is what this tab last read from storage.
   * A key missing from one side is taken from the other.
   * @param {unknown} base @param {unknown} mine @param {unknown} theirs @returns {any}
   */
  function merge3(base, mine, theirs) {
    if (mine === undefined) return theirs;
    if (theirs === undefined) return mine;
    if (same(mine, theirs)) return mine;
    if (isObject(mine) && isObject(theirs)) {
      var out = PB.map();
      var b = isObject(base) ? base : PB.map();
      Object.keys(mine)
        .concat(Object.keys(theirs))
        .forEach(function (key) {
          if (!(key in out)) out[key] = merge3(b[key], mine[key], theirs[key]);
        });
      return out;
    }
    if (same(base, mine)) return theirs;
    if (same(base, theirs)) return mine;
    return settle(mine, theirs);
  }

  /** Checklist entries: the later change wins, item by item. */
  function mergeChecks(/** @type {any} */ mine, /** @type {any} */ theirs) {
    var out = PB.map();
    Object.keys(mine)
      .concat(Object.keys(theirs))
      .forEach(function (list) {
        if (list in out) return;
        var a = mine[list] || PB.map(),
          b = theirs[list] || PB.map();
        var items = (out[list] = PB.map());
        Object.keys(a)
          .concat(Object.keys(b))
          .forEach(function (item) {
            if (item in items) return;
            var x = a[item],
              y = b[item];
            items[item] = !x
              ? y
              : !y
                ? x
                : (x.at || "") > (y.at || "")
                  ? x
                  : (y.at || "") > (x.at || "")
                    ? y
                    : settle(x, y);
          });
      });
    return out;
  }

  /** @param {any} base @param {any} mine @param {any} theirs */
  function mergeDeal(base, mine, theirs) {
    var deal = merge3(base, mine, theirs);
    deal.checks = mergeChecks(mine.checks, theirs.checks);
    deal.updated = mine.updated > theirs.updated ? mine.updated : theirs.updated;
    return deal;
  }

  /**
   * Merge this tab's store with the one just read from storage.
   * @param {any} base the store as this tab last read or wrote it
   * @param {any} mine this tab's store
   * @param {any} theirs the store now in storage
   * @returns {any} a new store; `current` stays this tab's own choice
   */
  PB.mergeStores = function (base, mine, theirs) {
    base = base || { deals: PB.map(), removed: PB.map() };
    var removed = PB.map();
    [mine.removed, theirs.removed].forEach(function (map) {
      Object.keys(map).forEach(function (id) {
        if (!(id in removed) || map[id] > removed[id]) removed[id] = map[id];
      });
    });
    var deals = PB.map();
    Object.keys(mine.deals)
      .concat(Object.keys(theirs.deals))
      .forEach(function (id) {
        if (id in deals) return;
        var a = mine.deals[id],
          b = theirs.deals[id];
        var deal = !a ? b : !b ? a : mergeDeal(base.deals[id], a, b);
        if (!(id in removed) || deal.updated > removed[id]) deals[id] = deal;
      });
    var current = deals[mine.current] ? mine.current : deals[theirs.current] ? theirs.current : null;
    return { version: mine.version, current: current, deals: deals, removed: removed };
  };
})();
