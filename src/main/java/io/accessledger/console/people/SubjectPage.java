package io.accessledger.console.people;

import io.accessledger.console.charts.StackedBarChart;
import java.util.List;

/**
 * What a child's page shows: their history (a page of it, newest first), the timeline chart and
 * the table behind it, and the links to their access report and evidence bundle.
 *
 * @param auditSeq the entry that recorded this page's read
 */
public record SubjectPage(String id, long auditSeq, long entries, long views, Pager pager,
    List<EntryRow> rows, StackedBarChart chart, List<String> series,
    List<SubjectTimeline.Week> weeks, String reportHref, String evidenceHref) {

  public boolean empty() {
    return entries == 0;
  }
}
