package io.accessledger.console.people;

import io.accessledger.console.charts.BarChart;
import io.accessledger.console.charts.HeatMap;
import java.util.List;

/**
 * What a member of staff's page shows: who the newest view says they are, a page of their history
 * newest first, distinct children per day and views by weekday and hour as charts with their
 * tables, the working hours those are read against, and (for auditors) their findings.
 *
 * @param findings null for an investigator, who cannot open the audit page they link to
 */
public record ActorPage(String id, String displayName, String role, String team, long auditSeq,
    long entries, long views, long outOfHours, String workingHours, Pager pager,
    List<EntryRow> rows, BarChart childrenChart, List<StaffActivity.Day> days,
    HeatMap heatMap, List<StaffActivity.Weekday> weekdays, ActorFindings findings,
    String evidenceHref) {

  public boolean empty() {
    return entries == 0;
  }

  /** The heat map table's column headings, "00" to "23". */
  public List<String> hourLabels() {
    return java.util.stream.IntStream.range(0, 24)
        .mapToObj(h -> String.format(java.util.Locale.ROOT, "%02d", h)).toList();
  }
}
