package io.avcwatch.parsers.selinux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SelinuxPropertiesTest {

    @Property(tries = 500)
    void categoryCanonicalisationIsOrderIndependent(@ForAll @Size(max = 40) Set<@IntRange(max = 1023) Integer> categories,
            @ForAll long seed) {
        List<String> written = new ArrayList<>();
        categories.forEach(c -> written.add("c" + c));
        List<String> shuffled = new ArrayList<>(written);
        Collections.shuffle(shuffled, new Random(seed));
        if (written.isEmpty()) {
            return;
        }
        CategorySet a = CategorySet.parse(String.join(",", written)).orElseThrow();
        CategorySet b = CategorySet.parse(String.join(",", shuffled)).orElseThrow();
        assertThat(a).isEqualTo(b);
        assertThat(a.toString()).isEqualTo(b.toString());
        assertThat(a.size()).isEqualTo(categories.size());
    }

    @Property(tries = 500)
    void canonicalCategoryTextParsesBackToTheSameSet(@ForAll @Size(min = 1, max = 60) Set<@IntRange(max = 2047) Integer> categories) {
        CategorySet set = CategorySet.of(categories.stream().mapToInt(Integer::intValue).toArray());
        assertThat(CategorySet.parse(set.toString())).contains(set);
    }

    @Property(tries = 500)
    void contextParseAndPrintRoundTrip(@ForAll("contexts") String text) {
        SecurityContext context = SecurityContext.parse(text).orElseThrow();
        assertThat(SecurityContext.parse(context.toString())).contains(context);
        assertThat(SecurityContext.parse(context.toString()).orElseThrow().toString()).isEqualTo(context.toString());
    }

    @Property(tries = 1000)
    void arbitraryTextNeverThrows(@ForAll String text) {
        SecurityContext.parse(text);
        CategorySet.parse(text);
        MlsRange.parse(text);
    }

    @Provide
    Arbitrary<String> contexts() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz_.0123456789").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> level = Combinators.combine(Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 1023).set().ofMaxSize(6))
                .as((s, cats) -> cats.isEmpty() ? "s" + s
                        : "s" + s + ":" + String.join(",", cats.stream().map(c -> "c" + c).toList()));
        Arbitrary<String> range = Combinators.combine(level, level, Arbitraries.of(true, false))
                .as((low, high, single) -> single ? low : low + "-" + high);
        return Combinators.combine(name, name, name, range, Arbitraries.of(true, false))
                .as((u, r, t, mls, withMls) -> u + ":" + r + ":" + t + (withMls ? ":" + mls : ""));
    }
}
