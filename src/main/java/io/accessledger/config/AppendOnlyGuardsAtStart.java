package io.accessledger.config;

import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.MaintenanceEntries;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up's check of the ledger's append-only triggers. A ledger whose triggers are missing or
 * altered (someone with the file dropped or replaced them), or that holds a trigger on a ledger
 * table the migrations do not create (someone added it), is refused, naming them, unless
 * {@code ledger.recreateMissingTriggers} is set; then, before anything is written, exactly the
 * migrations' triggers are recreated and every other trigger on a ledger table is dropped, in one
 * transaction, and the fact is recorded, at WARN in the log and as a {@code MAINTENANCE} entry in
 * the ledger itself, where no one can quietly remove it.
 *
 * <p>The recreation comes before the entry because an added trigger runs on every write to its
 * table: a {@code BEFORE INSERT} one that says {@code RAISE(IGNORE)} would make the entry (and
 * every later one) vanish from a commit that succeeds, an {@code AFTER INSERT} one could write
 * elsewhere. Should the entry then not be written, start-up fails, and the recreation is logged
 * at ERROR, naming the triggers, as the one record of it.
 */
public final class AppendOnlyGuardsAtStart {
  /** What to do about triggers that are not in place: said by start-up, verify and health. */
  public static final String HOW_TO_RECREATE = "To recreate exactly the triggers the migrations"
      + " create (and drop any other on the ledger's tables), start the server once with"
      + " LEDGER_RECREATE_TRIGGERS=true (ledger.recreateMissingTriggers: true); the recreation is"
      + " recorded in the ledger as a " + MaintenanceEntries.TYPE + " entry.";

  private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyGuardsAtStart.class);

  private AppendOnlyGuardsAtStart() {}

  /**
   * The triggers to recreate or drop once the ledger is open: none when all are in place.
   *
   * @throws LedgerStateException naming them, if any is not in place and {@code recreate} is off;
   *     nothing is changed then
   */
  static List<GuardFault> check(LedgerStore store, boolean recreate) {
    List<GuardFault> faults = store.appendOnlyGuardFaults();
    if (!faults.isEmpty() && !recreate) {
      throw new LedgerStateException("the ledger's append-only triggers are not in place: "
          + GuardFault.describe(faults) + ". " + GuardFault.consequences(faults)
          + " Someone with the file dropped, replaced or added triggers. Run"
          + " `verify config.yml` to check the entries. " + HOW_TO_RECREATE);
    }
    return faults;
  }

  /**
   * Puts the triggers of {@code faults} right, then starts the sequencer with {@code start} and
   * records what was done as a {@code MAINTENANCE} entry; when {@code faults} is empty, only
   * starts it. Nothing is written before the triggers are right: the sequencer's own first write
   * (the empty checkpoint of a new ledger) included.
   *
   * @return the started sequencer
   * @throws RuntimeException if the triggers cannot be put right (nothing is changed then), or
   *     the sequencer cannot start, or the entry cannot be written (the sequencer is closed then)
   */
  static Sequencer restoreStartAndRecord(
      LedgerStore store, List<GuardFault> faults, Clock clock, Supplier<Sequencer> start) {
    if (faults.isEmpty()) {
      return start.get();
    }
    List<GuardFault> restored = store.restoreAppendOnlyGuards();
    if (restored.isEmpty()) {
      // On a shared store another node, also told to recreate them, put them right first: this
      // node recreated nothing, so it records nothing (that node recorded its recreation).
      LOG.info("ledger.recreateMissingTriggers is set: the append-only triggers {} were already"
          + " put back, by another node, when this one came to recreate them",
          GuardFault.describe(faults));
      return start.get();
    }
    Sequencer sequencer = null;
    try {
      sequencer = start.get();
      long seq = Appends.await(sequencer.append(
          MaintenanceEntries.triggersRecreated(restored, clock.instant()))).seq();
      LOG.warn("ledger.recreateMissingTriggers is set: recreated the append-only triggers {},"
          + " which someone with the database file had dropped, replaced or added; recorded as"
          + " entry {} ({} {}). Unset it again.", GuardFault.describe(restored), seq,
          MaintenanceEntries.TYPE, MaintenanceEntries.TRIGGERS_RECREATED);
      return sequencer;
    } catch (RuntimeException e) {
      LOG.error("ledger.recreateMissingTriggers is set: recreated the append-only triggers {},"
          + " but could not record it in the ledger: {}", GuardFault.describe(restored),
          e.toString());
      if (sequencer != null) {
        sequencer.close();
      }
      throw e;
    }
  }
}
