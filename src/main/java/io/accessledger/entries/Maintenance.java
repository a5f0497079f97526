package io.accessledger.entries;

import java.util.List;

/**
 * A {@code MAINTENANCE} entry, the ledger's record of maintenance done to its database ({@code
 * io.accessledger.ledger.writer.MaintenanceEntries}): the {@code action} and the triggers it concerned.
 */
public record Maintenance(Header header, String action, List<Trigger> triggers)
    implements LedgerEvent {
  public static final String TYPE = "MAINTENANCE";

  public Maintenance {
    triggers = List.copyOf(triggers);
  }

  static Maintenance read(Header header, Fields event) {
    return new Maintenance(header, event.text("action"),
        event.objects("triggers").stream().map(Trigger::read).toList());
  }
}
