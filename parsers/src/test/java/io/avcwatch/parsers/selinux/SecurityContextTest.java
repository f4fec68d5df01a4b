package io.avcwatch.parsers.selinux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityContextTest {

    @Test
    void containerContextSplitsIntoParts() {
        SecurityContext context = SecurityContext.parse("system_u:system_r:container_t:s0:c170,c393").orElseThrow();
        assertThat(context.user()).isEqualTo("system_u");
        assertThat(context.role()).isEqualTo("system_r");
        assertThat(context.type()).isEqualTo("container_t");
        assertThat(context.range().low()).isEqualTo(context.range().high());
        assertThat(context.categories()).isEqualTo(CategorySet.of(170, 393));
        assertThat(context.toString()).isEqualTo("system_u:system_r:container_t:s0:c170,c393");
    }

    @Test
    void rangeWithCategoryRange() {
        SecurityContext context = SecurityContext.parse("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")
                .orElseThrow();
        assertThat(context.range().low()).isEqualTo(new MlsLevel("s0", CategorySet.EMPTY));
        assertThat(context.range().effective().categories().size()).isEqualTo(1024);
        assertThat(context.toString()).isEqualTo("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    }

    @Test
    void typeWithDotAndCustomSensitivity() {
        SecurityContext context = SecurityContext.parse("system_u:system_r:my_container.process:s3:c0.c3,c8")
                .orElseThrow();
        assertThat(context.type()).isEqualTo("my_container.process");
        assertThat(context.range().effective().sensitivity()).isEqualTo("s3");
        assertThat(context.range().effective().rank()).isEqualTo(3);
        assertThat(context.toString()).endsWith(":s3:c0.c3,c8");
    }

    @Test
    void contextWithoutMls() {
        SecurityContext context = SecurityContext.parse("user_u:user_r:user_t").orElseThrow();
        assertThat(context.range()).isNull();
        assertThat(context.categories().isEmpty()).isTrue();
        assertThat(context.toString()).isEqualTo("user_u:user_r:user_t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a:b", "a::c", ":b:c", "a:b:c:", "a:b:c:s0:c5.c1", "a:b:c:s0:x1", "a b:c:d",
        "a:b:c:s0:c1,,c2", "a:b:c:s0:c99999999"})
    void malformedContextsAreEmpty(String text) {
        assertThat(SecurityContext.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"c393,c170;c170,c393", "c0,c1,c2,c3,c8;c0.c3,c8", "c8,c0.c3;c0.c3,c8",
        "c1,c2;c1,c2", "c1.c2;c1,c2", "c0,c1,c2;c0.c2", "c5.c5;c5", "c0.c2,c1.c4;c0.c4",
        "c0,c1,c5,c6,c7;c0,c1,c5.c7"})
    void categoriesAreCanonical(String written, String canonical) {
        assertThat(CategorySet.parse(written).orElseThrow().toString()).isEqualTo(canonical);
        assertThat(CategorySet.parse(written)).isEqualTo(CategorySet.parse(canonical));
    }

    @Test
    void adjacentCategoryPairPrintsWithCommaLikeTheKernel() {
        // Detection engineer's report: c1,c2 came back as c1.c2; mls.c uses '.' only for runs of 3+.
        assertThat(SecurityContext.parse("system_u:system_r:container_t:s0:c1,c2").orElseThrow()
                .categories().toString()).isEqualTo("c1,c2");
        assertThat(SecurityContext.parse("system_u:system_r:container_t:s0:c0,c1,c2").orElseThrow()
                .categories().toString()).isEqualTo("c0.c2");
        assertThat(SecurityContext.parse("system_u:system_r:container_t:s0:c1,c2").orElseThrow().toString())
                .isEqualTo("system_u:system_r:container_t:s0:c1,c2");
    }

    @Test
    void dominanceUsesSensitivityAndCategories() {
        MlsLevel high = MlsLevel.parse("s0:c0.c1023").orElseThrow();
        MlsLevel pair = MlsLevel.parse("s0:c170,c393").orElseThrow();
        assertThat(high.dominates(pair)).isTrue();
        assertThat(pair.dominates(high)).isFalse();
        assertThat(pair.categories().contains(393)).isTrue();
        assertThat(pair.categories().contains(394)).isFalse();
        assertThat(MlsRange.parse("s0-s0:c0.c1023").orElseThrow().effective()).isEqualTo(high);
    }
}
