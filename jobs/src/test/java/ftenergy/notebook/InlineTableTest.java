package ftenergy.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineTableTest {

    @Test
    void html_escapesHeadersAndValues() {
        String html = InlineTable.html(List.of("a<b"), List.of(List.of("<script>&\"")), 1);

        assertTrue(html.contains("<th>a&lt;b</th>"), html);
        assertTrue(html.contains("&lt;script&gt;&amp;&quot;"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void html_saysHowManyRowsWereLeftOut() {
        String html = InlineTable.html(List.of("n"), List.of(List.of(1L), List.of(2L)), 1234);

        assertTrue(html.contains("first 2 of 1,234 rows"), html);
    }

    @Test
    void html_ofEveryRow_addsNoNote() {
        String html = InlineTable.html(List.of("n"), List.of(List.of(1L)), 1);

        assertFalse(html.contains("rows</i>"), html);
    }

    @Test
    void html_ofNoRows_saysSo() {
        assertTrue(InlineTable.html(List.of("n"), List.of(), 0).contains("no rows"));
    }

    @Test
    void html_rowOfTheWrongWidth_namesTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InlineTable.html(List.of("a", "b"), List.of(List.of(1L)), 1));

        assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void text_showsFourSignificantDigits_plainInTheMiddleRange_scientificOutside() {
        assertEquals("0.002346", InlineTable.text(0.0023456789));
        assertEquals("1235", InlineTable.text(1234.5678));
        assertEquals("12", InlineTable.text(12.0));
        assertEquals("0", InlineTable.text(0.0));
        assertEquals("2.000e-09", InlineTable.text(2.0e-9));
        assertEquals("5.000e+08", InlineTable.text(5.0e8));
        assertEquals("NaN", InlineTable.text(Double.NaN));
    }

    @Test
    void text_showsIntegersWholeAndNullsAndLists() {
        assertEquals("500000000", InlineTable.text(500_000_000L));
        assertEquals("null", InlineTable.text(null));
        assertEquals("[a, null, 0.5]", InlineTable.text(Arrays.asList("a", null, 0.5)));
    }
}
