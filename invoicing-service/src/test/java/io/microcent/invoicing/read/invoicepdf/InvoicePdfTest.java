package io.microcent.invoicing.read.invoicepdf;

import io.microcent.invoicing.read.customers.CustomerView;
import io.microcent.invoicing.read.invoices.InvoiceView;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF drawing on its own: money as dollars, what Helvetica cannot print, long invoices, fixed bytes. */
class InvoicePdfTest {

    private static final Instant FINALIZED = Instant.parse("2026-12-03T00:00:01Z");
    private static final CustomerView ACME = new CustomerView(CustomerId.of("acme"), "Acme Inc", "billing@acme.test",
            "month", Instant.parse("2026-11-01T00:00:00Z"), PlanId.of("starter"), null, null, Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void cents_are_printed_as_dollars_with_their_sign_and_thousands() {
        assertThat(InvoicePdf.dollars(0)).isEqualTo("$0.00");
        assertThat(InvoicePdf.dollars(-154)).isEqualTo("-$1.54");
        assertThat(InvoicePdf.dollars(123_456_789)).isEqualTo("$1,234,567.89");
        assertThat(InvoicePdf.dollars(Long.MIN_VALUE)).isEqualTo("-$92,233,720,368,547,758.08");
    }

    @Test
    void what_helvetica_cannot_encode_is_printed_as_a_question_mark_instead_of_failing() throws IOException {
        String text = text(InvoicePdf.render(invoice("in_00000000-0000-3000-8000-000000000001",
                List.of(line("Tokens \u2192 provider cost \u2014 \u00d72 \u4e2d", 1_000))), ACME));
        assertThat(text).contains("Tokens ? provider cost \u2014 \u00d72 ?");
    }

    @Test
    void a_long_invoice_goes_on_over_pages_and_keeps_every_line_and_the_totals() throws IOException {
        List<InvoiceView.Line> lines = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            lines.add(line("Usage line " + i, 100L * i));
        }
        byte[] pdf = InvoicePdf.render(invoice("in_00000000-0000-3000-8000-000000000002", lines), ACME);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        assertThat(text).contains("Usage line 0", "Usage line 79", "$79.00", "Amount due (USD) $123.45");
    }

    @Test
    void the_same_invoice_is_the_same_bytes_and_another_invoice_another_document_id() {
        InvoiceView one = invoice("in_00000000-0000-3000-8000-000000000003", List.of(line("Starter, 2026-11", 900)));
        InvoiceView other = invoice("in_00000000-0000-3000-8000-000000000004", List.of(line("Starter, 2026-11", 900)));
        byte[] first = InvoicePdf.render(one, ACME);
        assertThat(InvoicePdf.render(one, ACME)).isEqualTo(first);
        assertThat(InvoicePdf.render(other, ACME)).isNotEqualTo(first);
    }

    private static InvoiceView.Line line(String description, long cents) {
        return new InvoiceView.Line("usage", description, 1, null, cents * 10_000, cents);
    }

    private static InvoiceView invoice(String id, List<InvoiceView.Line> lines) {
        return new InvoiceView(id, "acme", "2026-11", 0, "finalized", InvoiceView.CURRENCY, lines, 0, 0, 0,
                12_345, 0, 12_345, 12_345, 0, false, Instant.parse("2026-12-01T00:00:30Z"), FINALIZED, null, null, null);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
