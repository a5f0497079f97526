package io.accessledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The service's configuration: Dropwizard's {@code server}/{@code logging} plus {@code ledger}. */
public class AccessLedgerConfiguration extends Configuration {
  @Valid @NotNull private LedgerFactory ledger = new LedgerFactory();

  @JsonProperty("ledger")
  public LedgerFactory getLedger() {
    return ledger;
  }

  @JsonProperty("ledger")
  public void setLedger(LedgerFactory ledger) {
    this.ledger = ledger;
  }
}
