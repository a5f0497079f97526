package io.accessledger.services;

import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.report.StaffNames;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the services take from the configuration, already read and checked: building these is
 * where a configuration mistake stops the server, before the ledger is opened.
 *
 * @param legalBases the vocabulary events are checked against (shipped plus local codes)
 * @param needToKnow the need-to-know audit's rules and facts
 * @param agreements the data-sharing agreements extract releases are checked against
 * @param staffNames how subject access reports name staff
 * @param zone the service's one time zone ({@code ledger.zone}): the registers' days, the
 *     reports' local times
 * @param zoneName how a report names {@code zone} to its reader, such as "UK time"
 */
public record ServiceSettings(
    LegalBasisVocabulary legalBases,
    NeedToKnowPolicy needToKnow,
    DataSharingAgreements agreements,
    StaffNames staffNames,
    ZoneId zone,
    String zoneName) {
  public ServiceSettings {
    Objects.requireNonNull(legalBases, "legalBases");
    Objects.requireNonNull(needToKnow, "needToKnow");
    Objects.requireNonNull(agreements, "agreements");
    Objects.requireNonNull(staffNames, "staffNames");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(zoneName, "zoneName");
  }
}
