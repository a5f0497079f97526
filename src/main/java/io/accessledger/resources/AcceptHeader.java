package io.accessledger.resources;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation by the {@code Accept} header as RFC 9110 section 12.5.1 defines it: each
 * offered type takes the quality of the most specific range that matches it, and a quality of 0
 * means "not acceptable", wherever that range stands in the header. (Jersey keeps {@code q=0}
 * ranges in its list of acceptable types, so it would answer a type the client refused.)
 *
 * <p>No {@code Accept} header accepts everything. A malformed range is ignored, as if absent.
 */
final class AcceptHeader {
  private record Range(String type, String subtype, double quality) {
    /** 3 for {@code type/subtype}, 2 for {@code type/*}, 1 for {@code *}{@code /*}, 0 for none. */
    int specificityFor(MediaType offered) {
      if (type.equals("*")) {
        return 1;
      }
      if (!type.equalsIgnoreCase(offered.getType())) {
        return 0;
      }
      if (subtype.equals("*")) {
        return 2;
      }
      return subtype.equalsIgnoreCase(offered.getSubtype()) ? 3 : 0;
    }
  }

  private final List<Range> ranges;

  private AcceptHeader(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** The ranges of every {@code Accept} header value given (null or empty: accept anything). */
  static AcceptHeader of(List<String> values) {
    List<Range> ranges = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String range : value.split(",")) {
          parse(range).ifPresent(ranges::add);
        }
      }
    }
    return new AcceptHeader(ranges);
  }

  /**
   * The offered type the client wants most, the earlier offered on a tie; empty when the client
   * accepts none of them (every match has quality 0): answer 406.
   */
  Optional<MediaType> best(List<MediaType> offered) {
    MediaType best = null;
    double bestQuality = 0;
    for (MediaType type : offered) {
      double quality = quality(type);
      if (quality > bestQuality) {
        best = type;
        bestQuality = quality;
      }
    }
    return Optional.ofNullable(best);
  }

  private double quality(MediaType offered) {
    if (ranges.isEmpty()) {
      return 1;
    }
    int specificity = 0;
    double quality = 0;
    for (Range range : ranges) {
      int s = range.specificityFor(offered);
      if (s > specificity) {
        specificity = s;
        quality = range.quality();
      }
    }
    return quality;
  }

  private static Optional<Range> parse(String range) {
    String[] parts = range.split(";");
    String[] type = parts[0].strip().toLowerCase(Locale.ROOT).split("/", -1);
    if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()
        || (type[0].equals("*") && !type[1].equals("*"))) {
      return Optional.empty();
    }
    double quality = 1;
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].strip().split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
        try {
          quality = Double.parseDouble(parameter[1].strip());
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (!(quality >= 0 && quality <= 1)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Range(type[0], type[1], quality));
  }
}
