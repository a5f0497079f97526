package io.accessledger.console.registers;

import io.accessledger.api.ApiException;
import io.accessledger.query.RegisterRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A register page's filter form, read into the API's parameters. The form has the API's filters
 * ({@link RegisterRequest#SHARE_PARAMETERS}, {@link RegisterRequest#EXTRACT_PARAMETERS}) under the
 * same names, with two differences a browser needs: a field left empty is a filter not given (a
 * GET form sends every field), and {@code from} and {@code to} are whole days in the service's
 * zone, both inclusive, which become the API's instants (start of {@code from}, start of the day
 * after {@code to}). The API's parameters are then checked by {@link RegisterRequest} itself, so
 * the page refuses exactly what the API refuses, and they are what the read records.
 *
 * @param api the API's parameters, as the API would take and record them
 * @param entered what the form held, by field name, for showing it again
 * @param request the checked request
 */
record RegisterFilters(Map<String, String> api, Map<String, String> entered,
    RegisterRequest request) {

  /** A filter the register refuses (400): the field at fault (null if none) and why. */
  static final class BadFilter extends RuntimeException {
    private final String field;

    BadFilter(String field, String message) {
      super(message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  /**
   * @param query the page's query parameters, each name with its values
   * @throws BadFilter naming the field, before anything is recorded
   */
  static RegisterFilters read(RegisterKind kind, Map<String, List<String>> query, ZoneId zone) {
    Map<String, String> entered = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      if (!kind.parameters().contains(name)) {
        throw new BadFilter(null, "There is no filter \"" + name + "\" on this register; its"
            + " filters are " + new TreeSet<>(kind.parameters()) + ".");
      }
      if (parameter.getValue().size() != 1) {
        throw new BadFilter(name, name + " is given more than once.");
      }
      entered.put(name, parameter.getValue().get(0).strip());
    }
    Map<String, String> api = new TreeMap<>();
    entered.forEach((name, value) -> {
      if (!value.isEmpty()) {
        api.put(name, value);
      }
    });
    LocalDate from = day(api, "from");
    LocalDate to = day(api, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw new BadFilter("to", "to (" + to + ") must not be before from (" + from + ").");
    }
    if (from != null) {
      api.put("from", from.atStartOfDay(zone).toInstant().toString());
    }
    if (to != null) {
      api.put("to", to.plusDays(1).atStartOfDay(zone).toInstant().toString());
    }
    try {
      return new RegisterFilters(Map.copyOf(api), entered, kind.request(api));
    } catch (ApiException refused) {
      String message = refused.getMessage();
      String field = message.contains(" ") ? message.substring(0, message.indexOf(' ')) : null;
      throw new BadFilter(kind.parameters().contains(field) ? field : null, message);
    }
  }

  /** The non-empty filters as a query string, names in order, to link to the same register as CSV. */
  String query() {
    return new TreeMap<>(entered).entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static LocalDate day(Map<String, String> api, String name) {
    String value = api.get(name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new BadFilter(name, name + " must be a date such as 2026-03-01, got " + value + ".");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
