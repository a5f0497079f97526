package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.cosigning.Witnessing;
import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.registers.AgreementTerms;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.services.ServiceSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's configuration: Dropwizard's {@code server}/{@code logging}, the {@code ledger},
 * {@code localLegalBases}, the data-sharing {@code agreements}, {@code needToKnow},
 * {@code accessReport}, {@code adminPort} and {@code requestLimits}.
 *
 * <p>Every section is a Dropwizard configuration bean: private fields holding the defaults,
 * checked by Bean Validation when the file is read (so a wrong value stops the start naming it),
 * {@code @JsonProperty} getters and setters, and {@code build*()} methods that make the runtime
 * values from a validated bean, checking what validation cannot. A section left out, or given
 * empty where noted, takes its defaults. {@code localLegalBases} and {@code agreements} are lists
 * of the domain's own records, checked as a whole when built ({@link #buildLegalBases},
 * {@link #buildAgreements}), so that every problem is named at once.
 */
public class AccessLedgerConfiguration extends Configuration {
  @Valid @NotNull private LedgerFactory ledger = new LedgerFactory();
  @NotNull private List<LegalBasis> localLegalBases = List.of();
  @NotNull private List<AgreementTerms> agreements = List.of();
  @Valid @NotNull private NeedToKnowSettings needToKnow = new NeedToKnowSettings();
  @Valid @NotNull private AccessReportSettings accessReport = new AccessReportSettings();
  @Valid @NotNull private AdminPortSettings adminPort = new AdminPortSettings();
  @Valid @NotNull private RequestLimitsSettings requestLimits = new RequestLimitsSettings();
  @Valid @NotNull private ConsoleSettings console = new ConsoleSettings();
  @Valid @NotNull private List<WitnessSettings> witnesses = List.of();
  @NotNull private Duration witnessInterval = Duration.seconds(10);

  @JsonProperty("ledger")
  public LedgerFactory getLedger() {
    return ledger;
  }

  @JsonProperty("ledger")
  public void setLedger(LedgerFactory ledger) {
    this.ledger = ledger;
  }

  /** A deployment's own legal-basis codes, added to the shipped vocabulary. */
  @JsonProperty
  public List<LegalBasis> getLocalLegalBases() {
    return localLegalBases;
  }

  @JsonProperty
  public void setLocalLegalBases(List<LegalBasis> localLegalBases) {
    this.localLegalBases = localLegalBases == null ? List.of() : List.copyOf(localLegalBases);
  }

  /** The need-to-know audit's rules and facts ({@code needToKnow:}; given empty, the defaults). */
  @JsonProperty
  public NeedToKnowSettings getNeedToKnow() {
    return needToKnow;
  }

  @JsonProperty
  public void setNeedToKnow(NeedToKnowSettings needToKnow) {
    this.needToKnow = needToKnow == null ? new NeedToKnowSettings() : needToKnow;
  }

  /**
   * The vocabulary events are checked against: the shipped codes plus the local ones.
   *
   * @throws IllegalArgumentException naming a local code that is malformed or already defined
   */
  public LegalBasisVocabulary buildLegalBases() {
    return LegalBasisVocabulary.shipped().withLocal(localLegalBases);
  }

  /** The data-sharing agreements extract releases are checked against, as configured. */
  @JsonProperty
  public List<AgreementTerms> getAgreements() {
    return agreements;
  }

  @JsonProperty
  public void setAgreements(List<AgreementTerms> agreements) {
    this.agreements = agreements == null ? List.of() : agreements;
  }

  /**
   * The agreements, validated against {@code legalBases} (from {@link #buildLegalBases}).
   *
   * @throws IllegalArgumentException naming every invalid agreement and field
   */
  public DataSharingAgreements buildAgreements(LegalBasisVocabulary legalBases) {
    return DataSharingAgreements.of(agreements, code -> legalBases.find(code).isPresent());
  }

  /** How subject access reports name staff. */
  @JsonProperty
  public AccessReportSettings getAccessReport() {
    return accessReport;
  }

  @JsonProperty
  public void setAccessReport(AccessReportSettings accessReport) {
    this.accessReport = accessReport;
  }

  /** Which optional admin endpoints exist ({@code adminPort:}; none by default, or given empty). */
  @JsonProperty
  public AdminPortSettings getAdminPort() {
    return adminPort;
  }

  @JsonProperty
  public void setAdminPort(AdminPortSettings adminPort) {
    this.adminPort = adminPort == null ? new AdminPortSettings() : adminPort;
  }

  /** How much of the server one client may hold ({@code requestLimits:}). */
  @JsonProperty
  public RequestLimitsSettings getRequestLimits() {
    return requestLimits;
  }

  @JsonProperty
  public void setRequestLimits(RequestLimitsSettings requestLimits) {
    this.requestLimits = requestLimits;
  }

  /**
   * Everything the service layer takes from {@code config.yml}, built and checked here, before the
   * ledger is opened: the legal bases (shipped and local), the need-to-know policy, the
   * agreements, how reports name staff, and the one zone.
   *
   * @throws IllegalArgumentException naming the setting, for a combination the beans' own
   *     validation cannot see (an unknown legal basis in an agreement, say)
   */
  public ServiceSettings buildServiceSettings() {
    LegalBasisVocabulary legalBases = buildLegalBases();
    ZoneId zone = ledger.zone();
    return new ServiceSettings(legalBases, needToKnow.build(zone), buildAgreements(legalBases),
        accessReport.buildStaffNames(), zone, ledger.zoneName());
  }

  @JsonProperty
  public ConsoleSettings getConsole() {
    return console;
  }

  @JsonProperty
  public void setConsole(ConsoleSettings console) {
    this.console = console;
  }

  /** The C2SP witnesses the ledger asks to cosign its checkpoints; none by default. */
  @JsonProperty
  public List<WitnessSettings> getWitnesses() {
    return witnesses;
  }

  @JsonProperty
  public void setWitnesses(List<WitnessSettings> witnesses) {
    this.witnesses = witnesses == null ? List.of() : witnesses;
  }

  /** At most how often one witness is sent a checkpoint (default 10 s). */
  @JsonProperty
  public Duration getWitnessInterval() {
    return witnessInterval;
  }

  @JsonProperty
  public void setWitnessInterval(Duration witnessInterval) {
    this.witnessInterval = witnessInterval;
  }

  /**
   * The witnesses and their interval, checked.
   *
   * @throws IllegalArgumentException naming the entry, for a malformed URL or key, two witnesses
   *     of one name, or an interval under a second
   */
  public Witnessing buildWitnessing() {
    List<io.accessledger.cosigning.WitnessEndpoint> built = new ArrayList<>();
    for (int i = 0; i < witnesses.size(); i++) {
      built.add(witnesses.get(i).build(i));
    }
    return new Witnessing(built, witnessInterval.toJavaDuration());
  }
}
