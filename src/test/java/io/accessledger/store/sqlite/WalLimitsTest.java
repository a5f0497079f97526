package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The WAL's checkpoint threshold and file size limit follow the disk. */
class WalLimitsTest {
  private static final long MIB = 1L << 20;

  @Test
  void onADiskWithRoomTheWalMayGrowTo64MiB() {
    assertThat(WalLimits.bytes(80L << 30, 64 * MIB)).isEqualTo(64 * MIB);
    assertThat(WalLimits.bytes(512 * MIB, 64 * MIB)).isEqualTo(64 * MIB);
    assertThat(WalLimits.bytes(80L << 30, 0)).as("no reserve").isEqualTo(64 * MIB);
  }

  @Test
  void onASmallDiskItMayTakeAnEighthOfTheFreeSpace() {
    assertThat(WalLimits.bytes(20 * MIB, 64 * MIB)).isEqualTo(20 * MIB / 8);
    assertThat(WalLimits.bytes(256 * MIB, 0)).isEqualTo(32 * MIB);
  }

  @Test
  void neverMoreThanTheReserveSoThatACheckpointAlwaysFits() {
    assertThat(WalLimits.bytes(80L << 30, 16 * MIB)).isEqualTo(16 * MIB);
    assertThat(WalLimits.bytes(20 * MIB, 2 * MIB)).isEqualTo(2 * MIB);
  }

  @Test
  void neverLessThanOneMiBAndUnknownFreeSpaceCountsAsRoom() {
    assertThat(WalLimits.bytes(2 * MIB, 64 * MIB)).isEqualTo(MIB);
    assertThat(WalLimits.bytes(0, 64 * MIB)).isEqualTo(MIB);
    assertThat(WalLimits.bytes(20 * MIB, MIB / 2)).isEqualTo(MIB);
    assertThat(WalLimits.bytes(-1, 64 * MIB)).isEqualTo(64 * MIB);
  }

  @Test
  void theThresholdIsCountedInPagesOfTheFilesOwnSize() {
    assertThat(WalLimits.pages(64 * MIB, 32_768)).isEqualTo(2048);
    assertThat(WalLimits.pages(64 * MIB, 4096)).isEqualTo(16_384);
    assertThat(WalLimits.pages(100, 4096)).isEqualTo(1);
  }
}
