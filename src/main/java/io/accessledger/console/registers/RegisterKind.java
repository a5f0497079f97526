package io.accessledger.console.registers;

import io.accessledger.api.RegisterAnswer;
import io.accessledger.query.RegisterRequest;
import io.accessledger.query.Registers;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The two registers: the API read each page is (its path and parameters, recorded as the API
 * records them), how its filters are checked and how it is read, through the same services.
 */
enum RegisterKind {
  SHARES("/v1/registers/shares", RegisterRequest.SHARE_PARAMETERS, RegisterRequest::shares,
      Registers::shares, "Share register", "share-register.csv"),
  EXTRACTS("/v1/registers/extracts", RegisterRequest.EXTRACT_PARAMETERS,
      RegisterRequest::extracts, Registers::extracts, "Extract register", "extract-register.csv");

  private final String apiPath;
  private final Set<String> parameters;
  private final Function<Map<String, String>, RegisterRequest> check;
  private final BiFunction<Registers, RegisterRequest, RegisterAnswer> read;
  private final String title;
  private final String fileName;

  RegisterKind(String apiPath, Set<String> parameters,
      Function<Map<String, String>, RegisterRequest> check,
      BiFunction<Registers, RegisterRequest, RegisterAnswer> read, String title, String fileName) {
    this.apiPath = apiPath;
    this.parameters = parameters;
    this.check = check;
    this.read = read;
    this.title = title;
    this.fileName = fileName;
  }

  /** The API's path for this register, which the console records as its read. */
  String apiPath() {
    return apiPath;
  }

  /** The API's filters for this register. */
  Set<String> parameters() {
    return parameters;
  }

  /** The checked request, as the API checks it (throws ApiException naming the parameter). */
  RegisterRequest request(Map<String, String> api) {
    return check.apply(api);
  }

  RegisterAnswer read(Registers registers, RegisterRequest request) {
    return read.apply(registers, request);
  }

  String title() {
    return title;
  }

  /** The CSV download's file name. */
  String fileName() {
    return fileName;
  }
}
