package io.accessledger;

import io.accessledger.ledger.Appends;
import io.accessledger.ledger.LedgerStateException;
import io.accessledger.ledger.MaintenanceEntries;
import io.accessledger.ledger.Sequencer;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up's check of the ledger's append-only triggers. A ledger whose triggers are missing or
 * altered (someone with the file dropped or replaced them) is refused, naming them, unless
 * {@code ledger.recreateMissingTriggers} is set; then exactly the migrations' triggers are
 * recreated and the fact is recorded, at WARN in the log and as a {@code MAINTENANCE} entry in the
 * ledger itself, where no one can quietly remove it.
 */
public final class AppendOnlyGuardsAtStart {
  /** What to do about triggers that are not in place: said by start-up, verify and health. */
  public static final String HOW_TO_RECREATE = "To recreate exactly the triggers the migrations"
      + " create, start the server once with LEDGER_RECREATE_TRIGGERS=true"
      + " (ledger.recreateMissingTriggers: true); the recreation is recorded in the ledger as a "
      + MaintenanceEntries.TYPE + " entry.";

  private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyGuardsAtStart.class);

  private AppendOnlyGuardsAtStart() {}

  /**
   * The triggers to recreate once the ledger is open for writing: none when all are in place.
   *
   * @throws LedgerStateException naming them, if any is not in place and {@code recreate} is off;
   *     nothing is changed then
   */
  static List<GuardFault> check(LedgerStore store, boolean recreate) {
    List<GuardFault> faults = store.appendOnlyGuardFaults();
    if (!faults.isEmpty() && !recreate) {
      throw new LedgerStateException("the ledger's append-only triggers are not in place: "
          + GuardFault.describe(faults) + ". The database no longer refuses UPDATE and DELETE"
          + " on the ledger's tables: someone with the file dropped or replaced them. Run"
          + " `verify config.yml` to check the entries. " + HOW_TO_RECREATE);
    }
    return faults;
  }

  /**
   * Records, then recreates, the triggers of {@code faults}; does nothing when there are none.
   * The entry comes first, so a recreation is never left unrecorded: should the recreation then
   * fail, start-up fails, and the triggers are still reported as missing by verify, the health
   * check and the next start-up.
   *
   * @throws io.accessledger.store.StoreException if the triggers cannot be recreated
   */
  static void recreateAndRecord(
      LedgerStore store, Sequencer sequencer, List<GuardFault> faults, Clock clock) {
    if (faults.isEmpty()) {
      return;
    }
    long seq = Appends.await(sequencer.append(
        MaintenanceEntries.triggersRecreated(faults, clock.instant()))).seq();
    store.restoreAppendOnlyGuards();
    LOG.warn("ledger.recreateMissingTriggers is set: recreated the append-only triggers {}, which"
        + " someone with the database file had dropped or replaced; recorded as entry {}"
        + " ({} {}). Unset it again.", GuardFault.describe(faults), seq, MaintenanceEntries.TYPE,
        MaintenanceEntries.TRIGGERS_RECREATED);
  }
}
