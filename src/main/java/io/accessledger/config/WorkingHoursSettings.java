package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code needToKnow.workingHours}: the start and end of the working day ({@code HH:MM}), the
 * working days, and the holidays (dates, YYYY-MM-DD) that have none. They are in
 * {@code ledger.zone}; {@code zone} may be left out, and if given must name that same zone (checked
 * by {@link NeedToKnowSettings#build}): the service has one time zone, so that an out-of-hours
 * finding and the registers and reports beside it never disagree about a day.
 *
 * <p>A section given replaces the default whole: a field it leaves out is not taken from the
 * default, so {@code start}, {@code end} and {@code days} must be given; {@code holidays} left out
 * means none.
 */
public class WorkingHoursSettings {
  private String zone;
  @NotNull private String start;
  @NotNull private String end;
  @NotNull private List<DayOfWeek> days;
  private List<LocalDate> holidays;

  /** Nothing set: what a {@code workingHours:} section starts from. */
  public WorkingHoursSettings() {}

  /** The contract's: 08:00 to 18:00, Monday to Friday, no holidays, in {@code ledger.zone}. */
  static WorkingHoursSettings contractDefaults() {
    WorkingHoursSettings hours = new WorkingHoursSettings();
    hours.start = "08:00";
    hours.end = "18:00";
    hours.days = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    hours.holidays = List.of();
    return hours;
  }

  @JsonProperty
  public String getZone() {
    return zone;
  }

  @JsonProperty
  public void setZone(String zone) {
    this.zone = zone;
  }

  @JsonProperty
  public String getStart() {
    return start;
  }

  @JsonProperty
  public void setStart(String start) {
    this.start = start;
  }

  @JsonProperty
  public String getEnd() {
    return end;
  }

  @JsonProperty
  public void setEnd(String end) {
    this.end = end;
  }

  @JsonProperty
  public List<DayOfWeek> getDays() {
    return days;
  }

  @JsonProperty
  public void setDays(List<DayOfWeek> days) {
    this.days = days;
  }

  @JsonProperty
  public List<LocalDate> getHolidays() {
    return holidays;
  }

  @JsonProperty
  public void setHolidays(List<LocalDate> holidays) {
    this.holidays = holidays;
  }
}
