package io.accessledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went between two readings of Linux's {@code /proc}: the server process,
 * this (client) process, and everything else, in cores. On a shared 2-core machine this tells a
 * server that is short of CPU from one that waits, and shows when other work disturbed a figure.
 * Reads nothing but {@code /proc/stat} and {@code /proc/<pid>/stat}; elsewhere it reports nothing.
 */
final class CpuShares {
  private final long[] serverPids;
  private final long[] start;

  private CpuShares(long... serverPids) {
    this.serverPids = serverPids.clone();
    this.start = read(this.serverPids);
  }

  /** Starts measuring now; "server" is the sum of the processes {@code serverPids}. */
  static CpuShares since(long... serverPids) {
    return new CpuShares(serverPids);
  }

  /** E.g. {@code cpu: server 1.52, client 0.31, others 0.10 of 2 cores}, or empty if unknown. */
  String report() {
    long[] end = read(serverPids);
    if (start == null || end == null) {
      return "";
    }
    int cores = Runtime.getRuntime().availableProcessors();
    // /proc/stat counts every core's ticks: elapsed ticks per core = total / cores.
    double elapsed = (double) (end[0] - start[0]) / cores;
    double busy = (end[1] - start[1]) / elapsed;
    double server = (end[2] - start[2]) / elapsed;
    double client = (end[3] - start[3]) / elapsed;
    return String.format(Locale.ROOT, "cpu: server %.2f, client %.2f, others %.2f of %d cores",
        server, client, Math.max(0, busy - server - client), cores);
  }

  /**
   * {total ticks, busy ticks, server ticks, own ticks}, or null off Linux. A server that has
   * exited (killed by a bench) counts what it had used when last read alive: nothing more.
   */
  private static long[] read(long[] serverPids) {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user .. steal; guest is in user
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
      long servers = 0;
      for (long pid : serverPids) {
        servers += Files.exists(Path.of("/proc", "" + pid)) ? processTicks("" + pid) : 0;
      }
      return new long[] {total, total - idle, servers, processTicks("self")};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** utime + stime of a process (fields 14 and 15, counted after the parenthesised name). */
  private static long processTicks(String pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
