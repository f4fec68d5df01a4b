package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertFormatTest {
    @Test
    void optionNamesAreReadCaseInsensitively() {
        assertThat(AlertFormat.fromOption("ecs")).isEqualTo(AlertFormat.ECS);
        assertThat(AlertFormat.fromOption(" OCSF ")).isEqualTo(AlertFormat.OCSF);
        assertThat(AlertFormat.TABLE.writer()).isInstanceOf(AlertTable.class);
        assertThat(AlertFormat.CEF.writer()).isInstanceOf(LineAlertWriter.class);
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> AlertFormat.fromOption("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'xml'; expected one of table, jsonl, ecs, ocsf, cef");
    }
}
