package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GenerationalCacheTest {

  @Test
  void neverHoldsMoreThanItsCapacityAndNeverAnswersWrong() {
    GenerationalCache<Integer, Integer> cache = new GenerationalCache<>(100);
    Map<Integer, Integer> truth = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      int key = random.nextInt(400);
      if (random.nextBoolean()) {
        cache.put(key, i);
        truth.put(key, i);
      } else {
        Integer cached = cache.get(key);
        if (cached != null) {
          assertThat(cached).as("key " + key).isEqualTo(truth.get(key));
        }
      }
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void anEntryUsedBeforeHalfTheCapacityOfOtherKeysIsAddedIsKept() {
    GenerationalCache<String, Integer> cache = new GenerationalCache<>(10);
    cache.put("hot", 1);
    for (int i = 0; i < 1_000; i++) {
      cache.put("cold-" + i, i);
      if (i % 4 == 3) { // capacity / 2 - 1 other keys between uses
        assertThat(cache.get("hot")).as("after %d cold keys", i + 1).isEqualTo(1);
      }
    }
    assertThat(cache.get("cold-0")).as("long unused").isNull();
    assertThat(cache.get("cold-999")).isEqualTo(999);
  }

  @Test
  void anEntryNotUsedForAWholeCapacityOfInsertionsIsDropped() {
    GenerationalCache<String, Integer> cache = new GenerationalCache<>(10);
    cache.put("once", 1);
    for (int i = 0; i < 10; i++) {
      cache.put("other-" + i, i);
    }
    assertThat(cache.get("once")).isNull();
  }

  @Test
  void putReplacesAndClearDropsEverything() {
    GenerationalCache<String, Integer> cache = new GenerationalCache<>(4);
    cache.put("a", 1);
    cache.put("b", 2); // "a" and "b" move to the old generation
    cache.put("a", 3);
    assertThat(cache.get("a")).isEqualTo(3);
    assertThat(cache.size()).isEqualTo(2);
    cache.clear();
    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
    assertThatThrownBy(() -> new GenerationalCache<>(1)).hasMessageContaining(">= 2");
  }
}
