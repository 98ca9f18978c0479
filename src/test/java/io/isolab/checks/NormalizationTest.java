package io.isolab.checks;

import static io.isolab.checks.AnswerCheck.Normalize.HEX;
import static io.isolab.checks.AnswerCheck.Normalize.INT;
import static io.isolab.checks.AnswerCheck.Normalize.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void sizes() {
        assertThat(Sizes.parseBytes("100M")).isEqualTo(104857600);
        assertThat(Sizes.parseBytes("100m")).isEqualTo(104857600);
        assertThat(Sizes.parseBytes("100MiB")).isEqualTo(104857600);
        assertThat(Sizes.parseBytes("1g")).isEqualTo(1073741824);
        assertThat(Sizes.parseBytes("1.5G")).isEqualTo(1610612736);
        assertThat(Sizes.parseBytes("512k")).isEqualTo(524288);
        assertThat(Sizes.parseBytes("104857600")).isEqualTo(104857600);
        assertThatThrownBy(() -> Sizes.parseBytes("100 apples")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> Sizes.parseBytes("-1m")).hasMessageContaining("is not a size");
        assertThat(Sizes.bytes(104857600)).isEqualTo("100 MiB");
        assertThat(Sizes.bytes(1610612736)).isEqualTo("1.5 GiB");
        assertThat(Sizes.bytes(1000)).isEqualTo("1000 bytes");
    }

    @Test
    void cpus() {
        assertThat(Sizes.parseMilliCpus("0.5")).isEqualTo(500);
        assertThat(Sizes.parseMilliCpus("2")).isEqualTo(2000);
        assertThatThrownBy(() -> Sizes.parseMilliCpus("0")).hasMessageContaining("not a number of CPUs");
        assertThat(Sizes.cpus(1500)).isEqualTo("1.5 CPUs");
    }

    @Test
    void ints() {
        assertThat(Answers.normalize(" 4242\n", INT)).contains("4242");
        assertThat(Answers.normalize("007", INT)).contains("7");
        assertThat(Answers.normalize("net:[4026532204]", INT)).contains("4026532204");
        assertThat(Answers.normalize("[4026532204]", INT)).contains("4026532204");
        assertThat(Answers.normalize("forty", INT)).isEmpty();
        assertThat(Answers.normalize("12 13", INT)).isEmpty();
    }

    @Test
    void hex() {
        assertThat(Answers.normalize("00000000a80425fb", HEX)).contains("a80425fb");
        assertThat(Answers.normalize("0xA80425FB", HEX)).contains("a80425fb");
        assertThat(Answers.normalize("0000000000000000", HEX)).contains("0");
        assertThat(Answers.normalize("xyz", HEX)).isEmpty();
    }

    @Test
    void text() {
        assertThat(Answers.normalize("  hello   world \n", TEXT)).contains("hello world");
        assertThat(Answers.normalize(null, TEXT)).isEqualTo(Optional.empty());
    }

    @Test
    void capabilities() {
        assertThat(Capabilities.has("00000000a80425fb", "NET_ADMIN")).isFalse();
        assertThat(Capabilities.has("00000000a80425fb", "CAP_CHOWN")).isTrue();
        assertThat(Capabilities.has("0000003fffffffff", "net_admin")).isTrue();
        assertThat(Capabilities.canonical("sys_admin")).isEqualTo("CAP_SYS_ADMIN");
        assertThat(Capabilities.bit("CHECKPOINT_RESTORE")).hasValue(40);
    }

    @Test
    void images() {
        assertThat(Images.same("nginx", "docker.io/library/nginx:latest")).isTrue();
        assertThat(Images.same("localhost:5000/app", "localhost:5000/app:latest")).isTrue();
        assertThat(Images.same("nginx:1.25", "nginx")).isFalse();
    }
}
