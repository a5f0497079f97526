package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.spikePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VOLUME_SPIKE on crafted views: the floors, both medians, and hours against days. */
class VolumeSpikeRuleTest {
  private final List<ViewEntry> views = new ArrayList<>();

  /** {@code count} views by {@code actor} of distinct subjects {@code prefix-N}, a minute apart. */
  private long views(String actor, String role, String prefix, int count, String startingAt) {
    long first = views.size();
    Instant at = Instant.parse(startingAt);
    for (int i = 0; i < count; i++) {
      views.add(new ViewEntry(views.size(), actor, role, null, prefix + "-" + i,
          "case-note/n-" + views.size(), at.plusSeconds(60L * i), false, null));
    }
    return first;
  }

  /** Ordinary hours: 3 subjects at 10:00 on 2-4 March for sw-1, sw-2 and sw-3. */
  private void ordinaryHours() {
    for (int day = 2; day <= 4; day++) {
      for (String who : List.of("sw-1", "sw-2", "sw-3")) {
        views(who, "social-worker", "c", 3, "2026-03-0" + day + "T10:00:00Z");
      }
    }
  }

  @Test
  void anHourAtTheFloorAndOverBothMediansIsASpike() {
    ordinaryHours();
    long first = views("sw-1", "social-worker", "s", 10, "2026-03-05T14:00:00Z");
    List<Finding> findings = new VolumeSpikeRule(spikePolicy(10, 1000, 3.0)).overPeriod(views);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("VOLUME_SPIKE-" + first);
      assertThat(f.actor()).isEqualTo("sw-1");
      assertThat(f.subject()).isNull();
      assertThat(f.seqs()).hasSize(10).startsWith(first);
      assertThat(f.explanation()).isEqualTo("sw-1 (social-worker) opened 10 different subjects'"
          + " records between 2026-03-05T14:00Z and 2026-03-05T15:00Z Europe/London; their own"
          + " median for an active hour is 3 and the median for the role social-worker is 3 (a"
          + " spike is at least 10 in an hour and more than 3 times both)");
    });
    assertThat(new VolumeSpikeRule(spikePolicy(11, 1000, 3.0)).overPeriod(views))
        .as("one under the floor").isEmpty();
    assertThat(new VolumeSpikeRule(spikePolicy(10, 1000, 3.4)).overPeriod(views))
        .as("10 is not more than 3.4 times 3").isEmpty();
  }

  @Test
  void aViewerWhoseRoleUsuallyOpensManyIsNoSpikeByTheirOwnMedianAlone() {
    for (int day = 2; day <= 4; day++) {
      views("ro-" + day, "reviewing-officer", "r" + day, 12, "2026-03-0" + day + "T10:00:00Z");
    }
    views("ro-5", "reviewing-officer", "s", 12, "2026-03-05T14:00:00Z"); // own median: 0
    assertThat(new VolumeSpikeRule(spikePolicy(10, 1000, 3.0)).overPeriod(views)).isEmpty();
  }

  @Test
  void aViewerWithNoRoleIsMeasuredAgainstTheOthersWithNone() {
    views("x-2", null, "a", 2, "2026-03-04T10:00:00Z");
    views("x-3", null, "b", 2, "2026-03-04T10:00:00Z");
    views("sw-1", "social-worker", "c", 2, "2026-03-04T10:00:00Z");
    views("x-1", null, "s", 10, "2026-03-05T14:00:00Z");
    assertThat(new VolumeSpikeRule(spikePolicy(10, 1000, 3.0)).overPeriod(views))
        .singleElement().satisfies(f -> assertThat(f.explanation())
            .startsWith("x-1 opened 10 different subjects' records")
            .contains("their own median for an active hour is 0")
            .contains("the median for viewers with no role is 2"));
  }

  @Test
  void aDayCountsOnlyTheViewsOutsideItsSpikedHoursAndSaysSo() {
    ordinaryHours();
    long hour = views("sw-1", "social-worker", "h", 10, "2026-03-05T09:00:00Z");
    long rest = views("sw-1", "social-worker", "d", 12, "2026-03-05T12:00:00Z");
    views.subList((int) rest, views.size()).replaceAll(v -> new ViewEntry(v.seq(), v.actor(),
        v.role(), v.team(), v.subject(), v.record(), v.at().plusSeconds(1200L * (v.seq() - rest)),
        false, null)); // 12 subjects spread over four hours: 3 an hour
    List<Finding> findings = new VolumeSpikeRule(spikePolicy(10, 12, 3.0)).overPeriod(views);
    assertThat(findings).extracting(f -> f.seqs().get(0)).containsExactly(hour, rest);
    assertThat(findings.get(1).seqs()).hasSize(12);
    assertThat(findings.get(1).explanation()).contains("opened 12 different subjects' records on"
        + " 2026-03-05 (besides its spiked hours) Europe/London")
        .contains("their own median for an active day is 3");
  }

  @Test
  void theMedianLeavesOutTheWindowJudgedAndIsZeroForNoneLeft() {
    assertThat(VolumeSpikeRule.median(List.of(4, 25, 4, 6), 25)).isEqualTo(4);
    assertThat(VolumeSpikeRule.median(List.of(3, 4, 25, 6, 4), 25)).isEqualTo(4);
    assertThat(VolumeSpikeRule.median(List.of(3, 4), -1)).isEqualTo(3.5);
    assertThat(VolumeSpikeRule.median(List.of(25), 25)).isZero();
    assertThat(VolumeSpikeRule.median(List.of(25, 25), 25)).as("one occurrence only")
        .isEqualTo(25);
  }
}
