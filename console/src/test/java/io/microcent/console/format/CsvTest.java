package io.microcent.console.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotesWhatWouldBreakAFieldAndWritesNumbersAsTheyAre() {
        String csv = new Csv().row("name", "a,b", "say \"hi\"", "two\nlines", null, -5L, new BigDecimal("-0.000001")).toString();
        assertThat(csv).isEqualTo("name,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,-5,-0.000001\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        String csv = new Csv().row("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "ok").toString();
        assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),ok\r\n");
    }
}
