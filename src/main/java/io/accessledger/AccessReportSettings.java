package io.accessledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.report.StaffNames;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code accessReport:} section of {@code config.yml}: how subject access reports
 * ({@code GET /v1/subjects/{id}/access-report}) name members of staff. Role and team are always
 * shown; {@code staffNames} is {@code SHOW}, {@code ROLE_ONLY} (the default) or
 * {@code PSEUDONYM}, see {@link StaffNames}. Any other value stops the service at start-up with a
 * message naming the field and the values allowed.
 */
public class AccessReportSettings {
  @NotNull private StaffNames staffNames = StaffNames.ROLE_ONLY;

  @JsonProperty
  public StaffNames getStaffNames() {
    return staffNames;
  }

  @JsonProperty
  public void setStaffNames(StaffNames staffNames) {
    this.staffNames = staffNames;
  }
}
