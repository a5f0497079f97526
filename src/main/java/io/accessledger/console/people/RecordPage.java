package io.accessledger.console.people;

import java.util.List;

/**
 * What a record's page shows: every view of it, a page at a time newest first, with how many
 * views, different viewers and different children there are in all.
 */
public record RecordPage(String type, String id, long auditSeq, long views, long viewers,
    long children, Pager pager, List<EntryRow> rows, String evidenceHref) {

  public boolean empty() {
    return views == 0;
  }
}
