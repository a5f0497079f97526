package io.accessledger.ledger.merkle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.accessledger.ledger.merkle.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The checked-in Merkle test vectors under {@code src/test/resources/merkle/}: {@code roots.json}
 * (the trees: leaf data, leaf hashes, the root of every prefix), {@code inclusion.json} and
 * {@code consistency.json} (one proof per vector, each naming its tree). Laid out like
 * transparency-dev/merkle's {@code testdata}, but with only the good vectors: the named
 * mutations are applied by {@link MerkleMutations}, so every vector gets all of them. Hashes are
 * lowercase hex, as everywhere in this project's JSON.
 *
 * <p>The files are plain data so that any other implementation (a browser verifier, a second
 * store) can run the same vectors without this code.
 */
final class MerkleVectorFiles {
  static final String ROOTS = "roots.json";
  static final String INCLUSION = "inclusion.json";
  static final String CONSISTENCY = "consistency.json";

  /** One tree: {@code roots.get(s)} is the root of its first {@code s} leaves, from s = 0. */
  @JsonPropertyOrder({"name", "leaves", "leafHashes", "roots"})
  record Tree(String name, List<String> leaves, List<Digest> leafHashes, List<Digest> roots) {
    /** Leaf {@code i}'s data, decoded from hex. */
    byte[] leaf(int i) {
      return HexFormat.of().parseHex(leaves.get(i));
    }
  }

  @JsonPropertyOrder({"description", "trees"})
  record RootsFile(String description, List<Tree> trees) {
    Tree tree(String name) {
      return trees.stream().filter(t -> t.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no tree named " + name));
    }
  }

  /** Leaf {@code leafIndex} of tree {@code tree}'s first {@code treeSize} leaves. */
  @JsonPropertyOrder({"desc", "tree", "leafIndex", "treeSize", "leafHash", "root", "proof"})
  record Inclusion(String desc, String tree, long leafIndex, long treeSize, Digest leafHash,
      Digest root, List<Digest> proof) {}

  @JsonPropertyOrder({"description", "vectors"})
  record InclusionFile(String description, List<Inclusion> vectors) {}

  /** Tree {@code tree}'s first {@code size1} leaves are a prefix of its first {@code size2}. */
  @JsonPropertyOrder({"desc", "tree", "size1", "size2", "root1", "root2", "proof"})
  record Consistency(String desc, String tree, long size1, long size2, Digest root1, Digest root2,
      List<Digest> proof) {}

  @JsonPropertyOrder({"description", "vectors"})
  record ConsistencyFile(String description, List<Consistency> vectors) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new SimpleModule()
          .addSerializer(Digest.class, new JsonSerializer<>() {
            @Override
            public void serialize(Digest value, JsonGenerator out, SerializerProvider unused)
                throws IOException {
              out.writeString(value.hex());
            }
          })
          .addDeserializer(Digest.class, new JsonDeserializer<>() {
            @Override
            public Digest deserialize(JsonParser in, DeserializationContext unused)
                throws IOException {
              return Digest.fromHex(in.getValueAsString());
            }
          }))
      // A misspelt field must not be read as an absent one.
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  // "\n" whatever the platform, so that regenerating on any machine gives the same bytes.
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private MerkleVectorFiles() {}

  static RootsFile roots() {
    return read(ROOTS, RootsFile.class);
  }

  static InclusionFile inclusion() {
    return read(INCLUSION, InclusionFile.class);
  }

  static ConsistencyFile consistency() {
    return read(CONSISTENCY, ConsistencyFile.class);
  }

  /** The checked-in text of {@code name}, from the test class path. */
  static String text(String name) {
    try (InputStream in = MerkleVectorFiles.class.getResourceAsStream("/merkle/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource merkle/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} as the files hold it: two-space indent, one array element a line. */
  static String toText(Object value) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String name, Class<T> type) {
    try {
      return JSON.readValue(text(name), type);
    } catch (IOException e) {
      throw new UncheckedIOException("merkle/" + name + " is not a valid vector file", e);
    }
  }
}
