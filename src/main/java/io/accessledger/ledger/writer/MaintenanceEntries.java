package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.store.GuardFault;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's own record of maintenance done to its database, so that the fact is in the
 * tamper-evident log itself: a {@value #TYPE} entry, source {@value EventIdentity#LEDGER_SOURCE},
 * with {@code type}, {@code eventId} ({@code maintenance-<uuid>}), {@code occurredAt},
 * {@code action} and the action's own fields.
 *
 * <p>The one action is {@value #TRIGGERS_RECREATED}: start-up, told to by
 * {@code ledger.recreateMissingTriggers}, found append-only triggers missing or altered, or
 * triggers on ledger tables the migrations do not create, and recreated exactly the migrations'
 * ones, dropping the others; {@code triggers} lists each as {@code {"name","found"}}, {@code found}
 * being {@code MISSING}, {@code ALTERED} or {@code UNEXPECTED} (a dropped one, by its name in the
 * database).
 *
 * <p>The event names no {@code subject}, {@code actor} or {@code record}, so it has no link keys
 * and is in no subject's, actor's or record's history. Like every entry of source
 * {@value EventIdentity#LEDGER_SOURCE} it holds no row of the event-id index, and no client can
 * post one: the source is reserved and the ingest validator refuses the type.
 */
public final class MaintenanceEntries {
  /** The entry type. */
  public static final String TYPE = "MAINTENANCE";

  /** The action of an entry recording that start-up recreated append-only triggers. */
  public static final String TRIGGERS_RECREATED = "APPEND_ONLY_TRIGGERS_RECREATED";

  private MaintenanceEntries() {}

  /** The entry recording that the triggers of {@code faults} were put right at {@code at}. */
  public static PreparedEvent triggersRecreated(List<GuardFault> faults, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", TYPE);
    event.put("eventId", "maintenance-" + UUID.randomUUID());
    event.put("occurredAt", LeafCodec.formatReceivedAt(at));
    event.put("action", TRIGGERS_RECREATED);
    event.put("triggers", faults.stream()
        .map(fault -> Map.of("name", fault.guard(), "found", fault.kind().name()))
        .toList());
    return PreparedEvent.of(event, EventIdentity.LEDGER_SOURCE);
  }
}
