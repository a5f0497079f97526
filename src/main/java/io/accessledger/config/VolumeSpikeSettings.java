package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code needToKnow.volumeSpike}: a viewer's hour (or day) is a spike when it has at least
 * {@code minSubjects} distinct subjects (or {@code minSubjectsPerDay}, 100 when left out) and more
 * than {@code factor} times usual. A section given replaces the default whole; its values are
 * checked when the policy is built ({@link NeedToKnowSettings#build}): at least 1 subject an hour
 * and a day, and a factor of at least 1.
 */
public class VolumeSpikeSettings {
  /** A day's threshold when a section leaves it out. */
  static final int DEFAULT_MIN_SUBJECTS_PER_DAY = 100;

  private int minSubjects;
  private Integer minSubjectsPerDay;
  private double factor;

  /** Nothing set: what a {@code volumeSpike:} section starts from. */
  public VolumeSpikeSettings() {}

  /** The contract's: 20 subjects an hour, 100 a day, and 3 times usual. */
  static VolumeSpikeSettings contractDefaults() {
    VolumeSpikeSettings spike = new VolumeSpikeSettings();
    spike.minSubjects = 20;
    spike.minSubjectsPerDay = DEFAULT_MIN_SUBJECTS_PER_DAY;
    spike.factor = 3.0;
    return spike;
  }

  @JsonProperty
  public int getMinSubjects() {
    return minSubjects;
  }

  @JsonProperty
  public void setMinSubjects(int minSubjects) {
    this.minSubjects = minSubjects;
  }

  @JsonProperty
  public Integer getMinSubjectsPerDay() {
    return minSubjectsPerDay;
  }

  @JsonProperty
  public void setMinSubjectsPerDay(Integer minSubjectsPerDay) {
    this.minSubjectsPerDay = minSubjectsPerDay;
  }

  @JsonProperty
  public double getFactor() {
    return factor;
  }

  @JsonProperty
  public void setFactor(double factor) {
    this.factor = factor;
  }

  /** The day's threshold: {@code minSubjectsPerDay}, or 100 when left out. */
  int minSubjectsPerDayOrDefault() {
    return minSubjectsPerDay == null ? DEFAULT_MIN_SUBJECTS_PER_DAY : minSubjectsPerDay;
  }
}
