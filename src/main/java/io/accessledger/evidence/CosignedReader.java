package io.accessledger.evidence;

import static io.accessledger.evidence.BundleJson.exactFields;
import static io.accessledger.evidence.BundleJson.hashes;
import static io.accessledger.evidence.BundleJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a bundle's optional {@code cosigned} list ({@link BundleFormat}), as strictly as the rest. */
final class CosignedReader {
  private CosignedReader() {}

  static List<BundleCosigned> read(JsonNode nodes) throws BundleException {
    List<BundleCosigned> cosigned = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      String where = "cosigned checkpoint " + (i + 1);
      exactFields(node, List.of("checkpoint", "proof"), where);
      cosigned.add(new BundleCosigned(text(node, "checkpoint", where), hashes(node, where)));
    }
    return cosigned;
  }
}
