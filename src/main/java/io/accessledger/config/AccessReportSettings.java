package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.report.StaffNames;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The {@code accessReport:} section of {@code config.yml}: how subject access reports
 * ({@code GET /v1/subjects/{id}/access-report}) name members of staff. Role and team are always
 * shown; {@code staffNames} is {@code SHOW}, {@code ROLE_ONLY} (the default) or
 * {@code PSEUDONYM}, see {@link StaffNames}.
 *
 * <p>The value is read as text and checked by validation rather than bound to the enum, so that a
 * wrong one stops the service at start-up with a message naming the field, the values allowed and
 * the value given, not just a type mismatch.
 */
public class AccessReportSettings {
  @NotNull
  @Pattern(regexp = "SHOW|ROLE_ONLY|PSEUDONYM",
      message = "must be SHOW, ROLE_ONLY or PSEUDONYM, not \"${validatedValue}\"")
  private String staffNames = StaffNames.ROLE_ONLY.name();

  @JsonProperty
  public String getStaffNames() {
    return staffNames;
  }

  @JsonProperty
  public void setStaffNames(String staffNames) {
    this.staffNames = staffNames;
  }

  /** The policy; call only on a validated configuration. */
  public StaffNames buildStaffNames() {
    return StaffNames.valueOf(staffNames);
  }
}
